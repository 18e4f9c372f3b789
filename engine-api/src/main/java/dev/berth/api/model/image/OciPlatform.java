package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * OCI image-spec {@code Platform} (swagger {@code OCIPlatform}), lower-case keys as the spec writes them;
 * {@code architecture} and {@code os} are always written, the rest are {@code omitempty}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record OciPlatform(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("os.version") @JsonInclude(Include.NON_EMPTY) String osVersion,
    @JsonProperty("os.features") @JsonInclude(Include.NON_EMPTY) List<String> osFeatures,
    @JsonProperty("variant") @JsonInclude(Include.NON_EMPTY) String variant) {

  public static OciPlatform of(String os, String architecture, String variant) {
    return new OciPlatform(architecture, os, null, null, variant);
  }
}
