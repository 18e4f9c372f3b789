package dev.berth.network;

import java.util.List;
import java.util.Map;

/**
 * What {@code POST /networks/create} asks for, already decoded by the daemon. Nulls mean "not given";
 * {@code ipamOptions} stays null then, as inspect shows it.
 */
public record NetworkCreateRequest(String name, String driver, boolean internal, boolean attachable,
    boolean enableIpv6, List<IpamConfig> ipam, Map<String, String> options, Map<String, String> labels,
    Map<String, String> ipamOptions) {

  public NetworkCreateRequest {
    driver = driver == null || driver.isEmpty() ? "bridge" : driver;
    ipam = ipam == null ? List.of() : List.copyOf(ipam);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Without IPAM options (null: the client sent none). */
  public NetworkCreateRequest(String name, String driver, boolean internal, boolean attachable, boolean enableIpv6,
      List<IpamConfig> ipam, Map<String, String> options, Map<String, String> labels) {
    this(name, driver, internal, attachable, enableIpv6, ipam, options, labels, null);
  }

  public static NetworkCreateRequest named(String name) {
    return new NetworkCreateRequest(name, "bridge", false, false, false, List.of(), Map.of(), Map.of());
  }
}
