package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A network's IP address management (Go {@code network.IPAM}, swagger {@code IPAM}). No field is
 * {@code omitempty}: dockerd shows {@code "Options": null} for the default driver without options.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record Ipam(
    @JsonProperty("Driver") String driver,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Config") List<IpamConfig> config) {

  public static final String DEFAULT_DRIVER = "default";

  /** Go's zero value, {@code {"Driver":"","Options":null,"Config":null}}. */
  public static Ipam empty() {
    return new Ipam("", null, null);
  }
}
