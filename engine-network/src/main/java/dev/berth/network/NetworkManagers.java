package dev.berth.network;

import dev.berth.network.dns.DnsForwarder;
import dev.berth.network.dns.DnsRegistry;
import dev.berth.network.dns.DnsServer;
import dev.berth.network.dns.EmbeddedDns;
import dev.berth.network.dns.ResolvConf;
import dev.berth.network.firewall.FirewallManager;
import dev.berth.network.firewall.NftFirewall;
import dev.berth.network.ipam.IpamAllocator;
import dev.berth.network.ipam.ProcHostSubnets;
import dev.berth.network.linux.CommandRunner;
import dev.berth.network.linux.IpLinkOps;
import dev.berth.network.linux.Linux;
import dev.berth.network.linux.NetnsExecutor;
import dev.berth.network.linux.ProcessCommandRunner;
import dev.berth.network.linux.Sysctl;
import dev.berth.network.portmap.PortAllocator;
import dev.berth.network.portmap.PortMapper;
import dev.berth.network.portmap.UserlandProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Production wiring of the network module, for the daemon's composition root. */
public final class NetworkManagers {
  private NetworkManagers() {}

  /** Real namespaces (JNR), iproute2, nftables, userland proxy and embedded DNS. Call {@code start} next. */
  public static NetworkManager linux(NetworkConfig cfg) {
    return linux(cfg, false);
  }

  /** @param respectHostFirewall publish ports through the userland proxy only (see {@link PortMapper#withoutDnat}) */
  public static NetworkManager linux(NetworkConfig cfg, boolean respectHostFirewall) {
    Linux.ensureAvailability();
    CommandRunner runner = new ProcessCommandRunner();
    NetnsExecutor netns = new NetnsExecutor(4);
    FirewallManager firewall = new FirewallManager(new NftFirewall(runner, cfg.firewallTable()));
    PortMapper ports = new PortMapper(
        PortAllocator.fromKernel(Path.of("/proc/sys/net/ipv4/ip_local_port_range")), new UserlandProxy(), firewall);
    if (respectHostFirewall) {
      ports.withoutDnat();
    }
    DnsRegistry registry = new DnsRegistry();
    DnsServer server = new DnsServer(registry, new DnsForwarder(upstreams(Path.of("/etc/resolv.conf")), 4000));
    return new NetworkManager(cfg, new NetworkServices(netns, new IpLinkOps(runner, netns), firewall,
        new IpamAllocator(null), new ProcHostSubnets(), ports,
        new EmbeddedDns(netns, runner, server), registry, Sysctl.host()));
  }

  /** The host's nameservers (port 53), or dockerd's fallback 8.8.8.8 / 8.8.4.4 when it lists none. */
  static List<InetSocketAddress> upstreams(Path resolvConf) {
    String text;
    try {
      text = Files.readString(resolvConf);
    } catch (IOException e) {
      text = "";
    }
    List<InetSocketAddress> out = new ArrayList<>();
    for (InetAddress a : ResolvConf.upstreams(ResolvConf.Host.parse(text), ResolvConf.Overrides.none())) {
      out.add(new InetSocketAddress(a, 53));
    }
    if (out.isEmpty()) {
      out.add(new InetSocketAddress("8.8.8.8", 53));
      out.add(new InetSocketAddress("8.8.4.4", 53));
    }
    return out;
  }
}
