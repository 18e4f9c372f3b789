package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One manifest of a multi-platform image (Go {@code image.ManifestSummary}, swagger
 * {@code ImageManifestSummary}): the {@code Manifests} of image list/inspect with {@code manifests=1} (API 1.47+).
 * {@code Kind} is {@code image}, {@code attestation} or {@code unknown}; exactly the matching
 * {@code ImageData}/{@code AttestationData} is present, the other omitted.
 */
public record ImageManifestSummary(
    @JsonProperty("ID") String id,
    @JsonProperty("Descriptor") OciDescriptor descriptor,
    @JsonProperty("Available") boolean available,
    @JsonProperty("Size") Size size,
    @JsonProperty("Kind") String kind,
    @JsonProperty("ImageData") @JsonInclude(Include.NON_NULL) ImageProperties imageData,
    @JsonProperty("AttestationData") @JsonInclude(Include.NON_NULL) AttestationProperties attestationData) {

  public static final String KIND_IMAGE = "image";
  public static final String KIND_ATTESTATION = "attestation";
  public static final String KIND_UNKNOWN = "unknown";

  /** Bytes of the manifest's own blobs ({@code Content}) and including the unpacked snapshot ({@code Total}). */
  public record Size(@JsonProperty("Content") long content, @JsonProperty("Total") long total) {}

  public record ImageProperties(
      @JsonProperty("Platform") OciPlatform platform,
      @JsonProperty("Size") UnpackedSize size,
      @JsonProperty("Containers") List<String> containers) {}

  public record UnpackedSize(@JsonProperty("Unpacked") long unpacked) {}

  /** {@code For} is the digest of the image manifest this attestation describes. */
  public record AttestationProperties(@JsonProperty("For") String forDigest) {}
}
