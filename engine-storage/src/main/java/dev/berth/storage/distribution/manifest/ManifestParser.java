package dev.berth.storage.distribution.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import java.io.IOException;

/**
 * Decides what a manifest document is and parses it. The media type comes from the document's {@code mediaType}
 * field, else the {@code Content-Type} header, else the shape ({@code manifests} → index, {@code config} → image),
 * as docker/distribution's {@code UnmarshalManifest} does for OCI documents without the field.
 */
public final class ManifestParser {
  private ManifestParser() {}

  /**
   * @param reference the full reference being pulled, used only in the schema 1 error message
   * @throws InvalidParameterException for schema 1 manifests (moby {@code DeprecatedSchema1ImageError}) and for
   *     documents that are not manifests ("unsupported manifest format")
   */
  public static ParsedManifest parse(byte[] content, String contentType, String reference) {
    JsonNode tree;
    try {
      tree = ManifestJson.MAPPER.readTree(content);
    } catch (IOException e) {
      throw new InvalidParameterException("unsupported manifest format", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidParameterException("unsupported manifest format");
    }
    String mediaType = mediaTypeOf(tree, MediaTypes.base(contentType));
    if (MediaTypes.isSchema1(mediaType) || tree.path("schemaVersion").asInt() == 1) {
      throw new InvalidParameterException(schema1Message(reference));
    }
    try {
      Manifest m;
      if (MediaTypes.isIndex(mediaType)) {
        m = ManifestJson.MAPPER.treeToValue(tree, ManifestList.class);
      } else if (MediaTypes.isImageManifest(mediaType)) {
        m = ManifestJson.MAPPER.treeToValue(tree, ImageManifest.class);
      } else {
        throw new InvalidParameterException("unsupported manifest format");
      }
      return new ParsedManifest(mediaType, content, Digest.sha256(content), m);
    } catch (IOException e) {
      throw new InvalidParameterException("unsupported manifest format", e);
    }
  }

  private static String mediaTypeOf(JsonNode tree, String header) {
    String field = tree.path("mediaType").asText("");
    if (!field.isEmpty()) {
      return field;
    }
    if (MediaTypes.isIndex(header) || MediaTypes.isImageManifest(header) || MediaTypes.isSchema1(header)) {
      return header;
    }
    if (tree.has("manifests")) {
      return MediaTypes.OCI_INDEX;
    }
    if (tree.has("config")) {
      return MediaTypes.OCI_MANIFEST;
    }
    return header;
  }

  static String schema1Message(String reference) {
    String msg = "Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed.";
    if (reference != null) {
      msg += " Suggest the author of " + reference
          + " to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2.";
    }
    return msg + " More information at https://docs.docker.com/go/deprecated-image-specs/";
  }
}
