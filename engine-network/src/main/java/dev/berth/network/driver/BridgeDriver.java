package dev.berth.network.driver;

import dev.berth.network.Endpoint;
import dev.berth.network.IpamConfig;
import dev.berth.network.Network;
import dev.berth.network.firewall.FirewallManager;
import dev.berth.network.firewall.NetworkRule;
import dev.berth.network.ipam.Subnet;
import dev.berth.network.linux.LinkOps;
import dev.berth.network.linux.Sysctl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridge driver: one Linux bridge per network carrying the gateway address, one veth per endpoint whose peer
 * is created directly inside the sandbox, and the network's NAT/isolation rules in Berth's nft table.
 */
public final class BridgeDriver implements NetworkDriver {
  private final LinkOps links;
  private final FirewallManager firewall;
  private final BridgeOptions defaults;
  private final Sysctl sysctl;

  /**
   * {@code defaults}: daemon-wide icc / ip-masq / ip / mtu ({@code bridgeName} unused). {@code sysctl} may be null
   * (tests); otherwise bridge-nf-call-iptables is switched on when a network disables icc.
   */
  public BridgeDriver(LinkOps links, FirewallManager firewall, BridgeOptions defaults, Sysctl sysctl) {
    this.links = links;
    this.firewall = firewall;
    this.defaults = defaults;
    this.sysctl = sysctl;
  }

  @Override
  public String name() {
    return "bridge";
  }

  @Override
  public boolean needsAddress() {
    return true;
  }

  public BridgeOptions options(Network n) {
    return BridgeOptions.parse(n.options(), new BridgeOptions(n.bridge(), defaults.enableIcc(),
        defaults.enableIpMasquerade(), defaults.hostBindingIpv4(), defaults.mtu()));
  }

  /** Idempotent (restart); on failure removes only a bridge it created, never a pre-existing one. */
  @Override
  public void createNetwork(Network n) {
    BridgeOptions o = options(n); // validates before anything is touched
    List<String> addresses = new ArrayList<>();
    Subnet v4 = null;
    for (IpamConfig c : n.ipam()) {
      Subnet s = Subnet.parse(c.subnet());
      if (c.gateway() != null) {
        addresses.add(c.gateway() + "/" + s.prefix());
      }
      if (!s.ipv6() && v4 == null) {
        v4 = s;
      }
    }
    boolean existed = links.exists(n.bridge());
    try {
      links.createBridge(new LinkOps.BridgeSpec(n.bridge(), o.mtu(), addresses));
      if (n.ipv6Config() != null && sysctl != null) {
        sysctl.write("net.ipv6.conf." + n.bridge() + ".disable_ipv6", "0"); // dockerd's setupBridgeIPv6
      }
      if (!o.enableIcc() && sysctl != null) {
        sysctl.write("net.bridge.bridge-nf-call-iptables", "1");
      }
      if (v4 != null) {
        firewall.putNetwork(n.id(), new NetworkRule(n.bridge(), v4, o.enableIpMasquerade(), o.enableIcc(),
            n.internal()));
      }
    } catch (RuntimeException e) {
      firewall.removeNetwork(n.id());
      if (!existed) {
        links.deleteLink(n.bridge());
      }
      throw e;
    }
  }

  @Override
  public void deleteNetwork(Network n) {
    firewall.removeNetwork(n.id());
    links.deleteLink(n.bridge());
  }

  @Override
  public void join(Network n, Endpoint ep, Path sandboxKey) {
    List<String> addresses = new ArrayList<>();
    if (ep.ipv4Address() != null) {
      addresses.add(ep.ipv4Address());
    }
    if (ep.ipv6Address() != null) {
      addresses.add(ep.ipv6Address());
    }
    links.createVeth(new LinkOps.VethSpec(ep.hostInterface(), n.bridge(), options(n).mtu(), sandboxKey,
        ep.ifName(), ep.macAddress(), addresses, ep.gatewayEndpoint() ? ep.gateway() : null,
        ep.gatewayEndpoint() ? ep.ipv6Gateway() : null, ep.ipv6Address() != null));
  }

  @Override
  public void leave(Network n, Endpoint ep, Path sandboxKey, boolean sandboxGoing) {
    // When the sandbox goes too, its namespace's destruction deletes both veth ends in the kernel's cleanup_net
    // (batched per namespace, off our path). An explicit "ip link del" would cost ~20 ms and, holding RTNL through an
    // RCU grace period, stall the next container's "ip link add" by as much. Recovery sweeps leftovers.
    if (ep.hostInterface() != null && !sandboxGoing) {
      links.deleteLink(ep.hostInterface());
    }
  }
}
