package dev.berth.network.firewall;

import java.util.List;

/** The whole desired state of Berth's tables; rendered and applied as one nft transaction. */
public record FirewallRules(List<NetworkRule> networks, List<PortRule> ports) {
  public FirewallRules {
    networks = List.copyOf(networks);
    ports = List.copyOf(ports);
  }

  public static FirewallRules empty() {
    return new FirewallRules(List.of(), List.of());
  }
}
