package dev.berth.storage.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.storage.digest.Digest;
import java.util.List;
import java.util.Map;

/** An OCI content descriptor. {@code digest} is kept as text; {@link #digestValue()} validates it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Descriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest") String digest,
    @JsonProperty("size") long size,
    @JsonProperty("urls") @JsonInclude(Include.NON_EMPTY) List<String> urls,
    @JsonProperty("annotations") @JsonInclude(Include.NON_EMPTY) Map<String, String> annotations,
    @JsonProperty("platform") @JsonInclude(Include.NON_NULL) Platform platform) {

  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest.toString(), size, null, null, null);
  }

  public Digest digestValue() {
    return Digest.parse(digest);
  }

  public Descriptor withAnnotations(Map<String, String> newAnnotations) {
    return new Descriptor(mediaType, digest, size, urls, newAnnotations, platform);
  }

  public Descriptor withPlatform(Platform newPlatform) {
    return new Descriptor(mediaType, digest, size, urls, annotations, newPlatform);
  }
}
