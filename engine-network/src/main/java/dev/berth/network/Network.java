package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A network as Berth stores it. {@code ipam} holds the effective configuration (subnet and gateway filled in even
 * when they came from the default pools); {@code ipamRequest} what the client asked for (null when unknown).
 * {@code bridge} is the Linux bridge of a bridge-driver network.
 */
public record Network(
    @JsonProperty("Id") String id,
    @JsonProperty("Name") String name,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Created") String created,
    @JsonProperty("Internal") boolean internal,
    @JsonProperty("Attachable") boolean attachable,
    @JsonProperty("EnableIPv6") boolean enableIpv6,
    @JsonProperty("IPAM") List<IpamConfig> ipam,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Bridge") String bridge,
    @JsonProperty("IPAMRequest") IpamRequest ipamRequest) {

  public static final String DEFAULT_BRIDGE = "bridge";
  public static final String HOST = "host";
  public static final String NONE = "none";

  @JsonCreator
  public Network {
    ipam = ipam == null ? List.of() : List.copyOf(ipam);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** A network without a recorded IPAM request (the predefined ones; stores written before it was kept). */
  public Network(String id, String name, String driver, String created, boolean internal, boolean attachable,
      boolean enableIpv6, List<IpamConfig> ipam, Map<String, String> options, Map<String, String> labels,
      String bridge) {
    this(id, name, driver, created, internal, attachable, enableIpv6, ipam, options, labels, bridge, null);
  }

  /** {@code bridge}, {@code host} and {@code none}: created by the daemon, never removable. */
  @JsonIgnore
  public boolean isPredefined() {
    return name.equals(DEFAULT_BRIDGE) || name.equals(HOST) || name.equals(NONE);
  }

  /** The default bridge network: no embedded DNS, no aliases, no user-chosen addresses. */
  @JsonIgnore
  public boolean isDefaultBridge() {
    return name.equals(DEFAULT_BRIDGE) && driver.equals("bridge");
  }

  /** The first IPv4 entry of the effective IPAM config (the pool endpoints take addresses from), or null. */
  @JsonIgnore
  public IpamConfig ipv4Config() {
    return ipam.stream().filter(c -> c.subnet() != null && !c.subnet().contains(":")).findFirst().orElse(null);
  }

  /** The first IPv6 entry when IPv6 is enabled (dockerd ignores v6 subnets of a network without it), or null. */
  @JsonIgnore
  public IpamConfig ipv6Config() {
    return !enableIpv6 ? null
        : ipam.stream().filter(c -> c.subnet() != null && c.subnet().contains(":")).findFirst().orElse(null);
  }

  /** User-defined bridge networks get the embedded DNS. */
  @JsonIgnore
  public boolean hasEmbeddedDns() {
    return driver.equals("bridge") && !isDefaultBridge();
  }
}
