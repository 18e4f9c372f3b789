package dev.berth.network.portmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.SystemException;
import dev.berth.network.firewall.FakeFirewall;
import dev.berth.network.firewall.FirewallManager;
import dev.berth.network.ipam.Addresses;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortMapperTest {
  private final FakeFirewall fw = new FakeFirewall();
  private final FakePortProxy proxy = new FakePortProxy();
  private final PortMapper mapper = new PortMapper(new PortAllocator(40000, 40003), proxy, new FirewallManager(fw));
  private final InetAddress any = Addresses.parse("0.0.0.0");
  private final PortMapper.Target web = new PortMapper.Target("ep1", "web", "br-x", Addresses.parse("10.251.1.2"));
  private final PortMapper.Target db = new PortMapper.Target("ep2", "db", "br-x", Addresses.parse("10.251.1.3"));

  @Test
  void exactPortIsProxiedAndDnated() {
    List<BoundPort> b = mapper.map(web, List.of(PortMapping.parse("8080:80")), any);
    assertEquals(List.of(new BoundPort("tcp", "0.0.0.0", 8080, 80)), b);
    assertEquals("0.0.0.0:8080->80/tcp", b.get(0).toString());
    assertEquals(1, fw.current.ports().size());
    assertEquals(8080, fw.current.ports().get(0).hostPort());
    assertTrue(proxy.open.contains("tcp/0.0.0.0:8080"));
  }

  @Test
  void firewallRespectingMode_publishesThroughTheProxyOnly() {
    FakeFirewall own = new FakeFirewall();
    FakePortProxy ownProxy = new FakePortProxy();
    PortMapper m = new PortMapper(new PortAllocator(40000, 40003), ownProxy, new FirewallManager(own)).withoutDnat();
    List<BoundPort> b = m.map(web, List.of(PortMapping.parse("8080:80")), any);
    assertEquals(8080, b.get(0).hostPort());
    assertTrue(ownProxy.open.contains("tcp/0.0.0.0:8080"), "the proxy on the host serves the port");
    assertTrue(own.current == null || own.current.ports().isEmpty(), "no DNAT bypasses the host's input chain");
  }

  @Test
  void secondContainerOnSamePortGetsDockerdsError() {
    mapper.map(web, List.of(PortMapping.parse("8080:80")), any);
    SystemException e = assertThrows(SystemException.class,
        () -> mapper.map(db, List.of(PortMapping.parse("9090:90"), PortMapping.parse("127.0.0.1:8080:80")), any));
    assertEquals("driver failed programming external connectivity on endpoint db (ep2): Bind for 127.0.0.1:8080 "
        + "failed: port is already allocated", e.getMessage());
    assertEquals(1, fw.current.ports().size(), "nothing of the failed publish is left");
    assertEquals(1, proxy.open.size(), "9090 was released again");
    mapper.map(db, List.of(PortMapping.parse("9090:90")), any);
  }

  @Test
  void hostProcessHoldingThePortIsAConflictToo() {
    proxy.hostBusy.add(8080);
    SystemException e = assertThrows(SystemException.class,
        () -> mapper.map(web, List.of(PortMapping.parse("8080:80")), any));
    assertTrue(e.getMessage().endsWith("Bind for 0.0.0.0:8080 failed: port is already allocated"));
    proxy.hostBusy.clear();
    mapper.map(web, List.of(PortMapping.parse("8080:80")), any);
  }

  @Test
  void ephemeralPortsSkipBusyOnes() {
    proxy.hostBusy.add(40000);
    List<BoundPort> b = mapper.map(web, List.of(PortMapping.parse("80"), PortMapping.parse("443")), any);
    assertEquals(40001, b.get(0).hostPort());
    assertEquals(40002, b.get(1).hostPort());
  }

  @Test
  void rangesMapOneToOne() {
    List<BoundPort> b = mapper.map(web, List.of(PortMapping.parse("8000-8002:80-82/udp")), any);
    assertEquals(List.of(new BoundPort("udp", "0.0.0.0", 8000, 80), new BoundPort("udp", "0.0.0.0", 8001, 81),
        new BoundPort("udp", "0.0.0.0", 8002, 82)), b);
  }

  @Test
  void hostRangeForOnePortPicksTheFirstFree() {
    mapper.map(web, List.of(PortMapping.parse("8000:80")), any);
    List<BoundPort> b = mapper.map(db, List.of(PortMapping.parse("8000-8005:90")), any);
    assertEquals(8001, b.get(0).hostPort());
  }

  @Test
  void unmapReleasesEverything() {
    mapper.map(web, List.of(PortMapping.parse("8080:80")), any);
    mapper.unmap("ep1");
    assertTrue(proxy.open.isEmpty());
    assertTrue(fw.current.ports().isEmpty());
    mapper.map(db, List.of(PortMapping.parse("8080:80")), any);
  }
}
