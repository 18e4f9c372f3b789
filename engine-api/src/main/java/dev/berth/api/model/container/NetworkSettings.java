package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code container.NetworkSettings} (swagger {@code NetworkSettings}) of container inspect:
 * {@code NetworkSettingsBase} + the deprecated {@code DefaultNetworkSettings} + {@code Networks}, all flat and
 * none {@code omitempty}. dockerd 28 (API 1.50) still sends the deprecated top-level address fields, copied from
 * the container's endpoint on the default {@code bridge} network (empty otherwise): use {@link #of}.
 * {@code Ports} maps {@code "80/tcp"} to its host bindings ({@code null} for exposed but unpublished ports).
 */
public record NetworkSettings(
    @JsonProperty("Bridge") String bridge,
    @JsonProperty("SandboxID") String sandboxId,
    @JsonProperty("SandboxKey") String sandboxKey,
    @JsonProperty("Ports") Map<String, List<PortBinding>> ports,
    @JsonProperty("HairpinMode") boolean hairpinMode,
    @JsonProperty("LinkLocalIPv6Address") String linkLocalIpv6Address,
    @JsonProperty("LinkLocalIPv6PrefixLen") int linkLocalIpv6PrefixLen,
    @JsonProperty("SecondaryIPAddresses") List<Address> secondaryIpAddresses,
    @JsonProperty("SecondaryIPv6Addresses") List<Address> secondaryIpv6Addresses,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("Networks") Map<String, EndpointSettings> networks) {

  /** Network name whose endpoint feeds the deprecated top-level fields. */
  public static final String DEFAULT_BRIDGE = "bridge";

  /** Deprecated, never set (Go {@code network.Address}). */
  public record Address(@JsonProperty("Addr") String addr, @JsonProperty("PrefixLen") int prefixLen) {}

  /**
   * Builds the settings the way dockerd's {@code ContainerInspect} does: {@code Ports} is never {@code null}
   * ({@code {}} for a stopped container), and the deprecated fields mirror {@code networks.get("bridge")}.
   */
  public static NetworkSettings of(String sandboxId, String sandboxKey, Map<String, List<PortBinding>> ports,
      Map<String, EndpointSettings> networks) {
    Map<String, List<PortBinding>> p = ports == null ? new LinkedHashMap<>() : ports;
    EndpointSettings b = networks == null ? null : networks.get(DEFAULT_BRIDGE);
    if (b == null) {
      return new NetworkSettings("", sandboxId, sandboxKey, p, false, "", 0, null, null,
          "", "", "", 0, "", 0, "", "", networks);
    }
    return new NetworkSettings("", sandboxId, sandboxKey, p, false, "", 0, null, null, b.endpointId(),
        b.gateway(), b.globalIpv6Address(), b.globalIpv6PrefixLen(), b.ipAddress(), b.ipPrefixLen(),
        b.ipv6Gateway(), b.macAddress(), networks);
  }
}
