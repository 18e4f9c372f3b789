package dev.berth.storage.distribution.manifest;

import java.util.List;
import java.util.Locale;

/** Media types of the Docker v2 schema 2 and OCI image formats, and the Accept list for manifest requests. */
public final class MediaTypes {
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
  public static final String DOCKER_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  public static final String DOCKER_LAYER_UNCOMPRESSED = "application/vnd.docker.image.rootfs.diff.tar";
  public static final String DOCKER_FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
  public static final String DOCKER_PLUGIN_CONFIG = "application/vnd.docker.plugin.v1+json";

  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

  /** What we send as {@code Accept} for manifests, most specific first (as dockerd does). */
  public static final List<String> MANIFEST_ACCEPT =
      List.of(DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_MANIFEST, OCI_INDEX);

  /** Config media types pulled as images (moby {@code defaultImageTypes}, including historical oddities). */
  private static final List<String> IMAGE_CONFIG_TYPES =
      List.of(DOCKER_CONFIG, OCI_CONFIG, "application/octet-stream", "application/json", "text/html", "");

  /** Layer media types (or prefixes) moby accepts ({@code supportedMediaTypes}). */
  private static final List<String> SUPPORTED_PREFIXES = List.of("application/vnd.oci.image", "application/vnd.docker");
  private static final List<String> SUPPORTED_EXACT =
      List.of("application/octet-stream", "application/json", "text/html", "");

  private MediaTypes() {}

  public static boolean isIndex(String mediaType) {
    return DOCKER_MANIFEST_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
  }

  public static boolean isImageManifest(String mediaType) {
    return DOCKER_MANIFEST.equals(mediaType) || OCI_MANIFEST.equals(mediaType);
  }

  public static boolean isSchema1(String mediaType) {
    return DOCKER_SCHEMA1.equals(mediaType) || DOCKER_SCHEMA1_SIGNED.equals(mediaType);
  }

  /** A plain tar layer (import, load, build, commit): push compresses it, as dockerd does. */
  public static boolean isUncompressedLayer(String mediaType) {
    return OCI_LAYER.equals(mediaType) || DOCKER_LAYER_UNCOMPRESSED.equals(mediaType);
  }

  public static boolean isImageConfig(String mediaType) {
    return IMAGE_CONFIG_TYPES.contains(mediaType == null ? "" : mediaType);
  }

  /** moby {@code checkSupportedMediaType}: exact matches, or a known prefix followed by a dot. */
  public static boolean isSupportedLayer(String mediaType) {
    String mt = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
    if (SUPPORTED_EXACT.contains(mt)) {
      return true;
    }
    for (String p : SUPPORTED_PREFIXES) {
      if (mt.equals(p) || mt.startsWith(p + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Strips parameters: {@code application/json; charset=utf-8} → {@code application/json}. */
  public static String base(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
