package dev.berth.storage.distribution.manifest;

import java.util.List;

/**
 * Builds the manifest {@code docker push} sends. dockerd always writes Docker v2 schema 2; Berth does too
 * whenever every blob has a Docker equivalent (OCI gzip layers and configs are renamed, the bytes are the same),
 * and writes an OCI manifest otherwise (zstd or uncompressed layers), or when asked for a specific type.
 */
public final class ManifestBuilder {
  private ManifestBuilder() {}

  /** @param mediaType {@link MediaTypes#DOCKER_MANIFEST}, {@link MediaTypes#OCI_MANIFEST}, or null for automatic */
  public static ImageManifest build(Descriptor config, List<Descriptor> layers, String mediaType) {
    boolean docker = mediaType == null ? dockerCompatible(config, layers)
        : mediaType.equals(MediaTypes.DOCKER_MANIFEST);
    if (docker) {
      return ImageManifest.docker(config.withMediaType(toDocker(config.mediaType(), true)),
          layers.stream().map(l -> l.withMediaType(toDocker(l.mediaType(), false))).toList());
    }
    return ImageManifest.oci(config.withMediaType(toOci(config.mediaType(), true)),
        layers.stream().map(l -> l.withMediaType(toOci(l.mediaType(), false))).toList());
  }

  private static boolean dockerCompatible(Descriptor config, List<Descriptor> layers) {
    if (!List.of(MediaTypes.DOCKER_CONFIG, MediaTypes.OCI_CONFIG).contains(config.mediaType())) {
      return false;
    }
    return layers.stream().allMatch(l -> List.of(MediaTypes.DOCKER_LAYER, MediaTypes.OCI_LAYER_GZIP,
        MediaTypes.DOCKER_FOREIGN_LAYER).contains(l.mediaType()));
  }

  private static String toDocker(String mt, boolean config) {
    if (config) {
      return MediaTypes.OCI_CONFIG.equals(mt) ? MediaTypes.DOCKER_CONFIG : mt;
    }
    return MediaTypes.OCI_LAYER_GZIP.equals(mt) ? MediaTypes.DOCKER_LAYER : mt;
  }

  private static String toOci(String mt, boolean config) {
    if (config) {
      return MediaTypes.DOCKER_CONFIG.equals(mt) ? MediaTypes.OCI_CONFIG : mt;
    }
    if (MediaTypes.DOCKER_LAYER.equals(mt)) {
      return MediaTypes.OCI_LAYER_GZIP;
    }
    return MediaTypes.DOCKER_LAYER_UNCOMPRESSED.equals(mt) ? MediaTypes.OCI_LAYER : mt;
  }
}
