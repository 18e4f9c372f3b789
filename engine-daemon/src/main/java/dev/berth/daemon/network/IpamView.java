package dev.berth.daemon.network;

import dev.berth.api.model.network.Ipam;
import dev.berth.api.model.network.IpamConfig;
import dev.berth.network.IpamRequest;
import dev.berth.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inspect's {@code IPAM} as dockerd 28 builds it ({@code buildIPAMResources}): per address family, the
 * configs the client gave, as given (a subnet without a gateway shows none), or else the pools allocated for it
 * (with their gateway); IPv4 before IPv6. {@code Options} are the client's, null when it sent none. Networks
 * without a recorded request (the predefined ones, older stores) show their pools.
 */
final class IpamView {
  private IpamView() {}

  static Ipam of(Network n) {
    IpamRequest req = n.ipamRequest();
    List<IpamConfig> config = new ArrayList<>();
    for (boolean v6 : new boolean[] {false, true}) {
      List<dev.berth.network.IpamConfig> asked = req == null ? List.of() : family(req.config(), v6);
      for (var c : asked.isEmpty() ? family(n.ipam(), v6) : asked) {
        config.add(new IpamConfig(c.subnet(), c.ipRange(), c.gateway(), c.auxAddresses()));
      }
    }
    Map<String, String> options = req != null ? req.options() : n.isPredefined() ? null : Map.of();
    return new Ipam(Ipam.DEFAULT_DRIVER, options, config.isEmpty() ? null : config);
  }

  private static List<dev.berth.network.IpamConfig> family(List<dev.berth.network.IpamConfig> configs, boolean v6) {
    return configs.stream().filter(c -> c.subnet() != null && !c.subnet().isEmpty()
        && c.subnet().contains(":") == v6).toList();
  }
}
