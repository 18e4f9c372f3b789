package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * go-connections' {@code nat.PortBinding}: one host side of a published port. Both are strings on the wire;
 * {@code HostPort} may be empty (any port) or a range such as {@code "8000-8010"}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record PortBinding(
    @JsonProperty("HostIp") String hostIp,
    @JsonProperty("HostPort") String hostPort) {

  public static PortBinding of(String hostIp, int hostPort) {
    return new PortBinding(hostIp, Integer.toString(hostPort));
  }
}
