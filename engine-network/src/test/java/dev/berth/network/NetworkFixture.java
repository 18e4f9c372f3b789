package dev.berth.network;

import dev.berth.network.dns.DnsForwarder;
import dev.berth.network.dns.DnsRegistry;
import dev.berth.network.dns.DnsServer;
import dev.berth.network.dns.EmbeddedDns;
import dev.berth.network.firewall.FakeFirewall;
import dev.berth.network.firewall.FirewallManager;
import dev.berth.network.ipam.IpamAllocator;
import dev.berth.network.ipam.Subnet;
import dev.berth.network.linux.FakeCommandRunner;
import dev.berth.network.linux.FakeLinkOps;
import dev.berth.network.linux.FakeNetnsOps;
import dev.berth.network.portmap.FakePortProxy;
import dev.berth.network.portmap.PortAllocator;
import dev.berth.network.portmap.PortMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A NetworkManager over fakes, with state under {@code dir}; the fakes survive {@link #restart()}. */
final class NetworkFixture implements AutoCloseable {
  final Path dir;
  final FakeNetnsOps netns = new FakeNetnsOps();
  final FakeLinkOps links = new FakeLinkOps();
  final FakeFirewall firewall = new FakeFirewall();
  final FakeCommandRunner runner = new FakeCommandRunner();
  final FakePortProxy proxy = new FakePortProxy();
  final List<Subnet> hostSubnets = new ArrayList<>();
  DnsRegistry registry;
  IpamAllocator ipam;
  NetworkManager mgr;

  NetworkFixture(Path dir) {
    this.dir = dir;
    this.mgr = build();
  }

  NetworkConfig config() {
    NetworkConfig d = NetworkConfig.defaults(dir.resolve("state"), dir.resolve("exec"));
    return new NetworkConfig(d.stateDir(), d.execRoot(), d.defaultBridgeName(), d.bip(), d.defaultAddressPools().withUla(""),
        d.mtu(), d.ipForward(), d.icc(), d.ipMasq(), d.defaultBindIp(), d.firewallTable(), 0);
  }

  private NetworkManager build() {
    registry = new DnsRegistry();
    ipam = new IpamAllocator(null); // production folds IPAM state into networks.json
    FirewallManager fw = new FirewallManager(firewall);
    DnsServer server = new DnsServer(registry, new DnsForwarder(List.of(), 500));
    return new NetworkManager(config(), new NetworkServices(netns, links, fw, ipam, () -> List.copyOf(hostSubnets),
        new PortMapper(new PortAllocator(40000, 40100), proxy, fw), new EmbeddedDns(netns, runner, server),
        registry, null));
  }

  /** Simulates a daemon restart (crash or clean): a new manager over the same files and kernel fakes. */
  NetworkManager restart() {
    mgr.close();
    proxy.open.clear();
    mgr = build();
    return mgr;
  }

  @Override
  public void close() {
    mgr.close();
  }
}
