package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * OCI image-spec {@code Descriptor} (swagger {@code OCIDescriptor}) as it appears in the Docker API
 * ({@code ImageSummary.Descriptor}, {@code ImageManifestDescriptor}, distribution inspect). {@code mediaType},
 * {@code digest} and {@code size} are always written, the rest are {@code omitempty}. {@code data} is the
 * base64 text Go writes for a {@code []byte}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record OciDescriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest") String digest,
    @JsonProperty("size") long size,
    @JsonProperty("urls") @JsonInclude(Include.NON_EMPTY) List<String> urls,
    @JsonProperty("annotations") @JsonInclude(Include.NON_EMPTY) Map<String, String> annotations,
    @JsonProperty("data") @JsonInclude(Include.NON_EMPTY) String data,
    @JsonProperty("platform") @JsonInclude(Include.NON_NULL) OciPlatform platform,
    @JsonProperty("artifactType") @JsonInclude(Include.NON_EMPTY) String artifactType) {

  public static OciDescriptor of(String mediaType, String digest, long size) {
    return new OciDescriptor(mediaType, digest, size, null, null, null, null, null);
  }

  public OciDescriptor withPlatform(OciPlatform p) {
    return new OciDescriptor(mediaType, digest, size, urls, annotations, data, p, artifactType);
  }
}
