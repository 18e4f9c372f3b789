package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A network's IPAM as the client asked for it (libnetwork's {@code ipamOptions} and {@code ipamV4Config}/
 * {@code ipamV6Config}, kept apart from the allocated pools): inspect shows it as given, so {@code options} stays
 * null when the client sent none, and a requested subnet shows only the gateway the client chose.
 */
public record IpamRequest(
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Config") List<IpamConfig> config) {

  public IpamRequest {
    config = config == null ? List.of() : List.copyOf(config);
  }
}
