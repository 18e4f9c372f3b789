package dev.berth.storage.distribution.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.berth.storage.digest.Digest;
import java.util.List;
import java.util.Map;

/** An OCI content descriptor. Field order follows docker/distribution, so pushed manifests look like dockerd's. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"mediaType", "size", "digest", "urls", "annotations", "platform", "artifactType"})
public record Descriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest")
    @JsonSerialize(using = ToStringSerializer.class)
    @JsonDeserialize(using = DigestDeserializer.class)
    Digest digest,
    @JsonProperty("size") long size,
    @JsonProperty("urls") List<String> urls,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonProperty("platform") Platform platform,
    @JsonProperty("artifactType") String artifactType) {

  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null, null, null);
  }

  /** The 12-hex-character id dockerd shows in progress lines ({@code stringid.TruncateID}). */
  public String shortId() {
    return digest.shortHex();
  }

  public Descriptor withMediaType(String mt) {
    return new Descriptor(mt, digest, size, urls, annotations, platform, artifactType);
  }
}
