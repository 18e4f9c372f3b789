package dev.berth.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.network.ipam.Addresses;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IPv6 on user-defined bridge networks: pools, endpoint addresses, routes, DNS, release and restart. */
class NetworkManagerIpv6Test {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);

  @TempDir
  Path dir;
  private NetworkFixture f;
  private NetworkManager mgr;

  @BeforeEach
  void setUp() {
    f = new NetworkFixture(dir);
    mgr = f.mgr;
    mgr.start(Set.of());
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private static NetworkCreateRequest v6(String name, List<IpamConfig> ipam) {
    return new NetworkCreateRequest(name, "bridge", false, false, true, ipam, Map.of(), Map.of());
  }

  @Test
  void endpointGetsAddressGatewayAndRouteFromTheV6Pool() {
    Network n = mgr.create(v6("n6", List.of(new IpamConfig("fd00:beef::/64", null, null))));
    assertEquals("fd00:beef::/64", n.ipv6Config().subnet());
    assertEquals("fd00:beef::1", n.ipv6Config().gateway());
    assertFalse(n.ipam().get(0).subnet().contains(":"), "IPv4 (default pool) first, as dockerd lists them");
    assertTrue(f.links.calls.stream().anyMatch(c -> c.startsWith("bridge " + n.bridge()) && c.contains(
        "fd00:beef::1/64")), f.links.calls.toString());
    Sandbox sb = mgr.createSandbox(A);
    Endpoint ep = mgr.connect("n6", A, EndpointRequest.of("web"));
    assertEquals("fd00:beef::2/64", ep.ipv6Address());
    assertEquals("fd00:beef::2", ep.ipv6());
    assertEquals(64, ep.ipv6PrefixLength());
    assertEquals("fd00:beef::1", ep.ipv6Gateway());
    String veth = f.links.calls.stream().filter(c -> c.startsWith("veth ")).findFirst().orElseThrow();
    assertTrue(veth.endsWith(", fd00:beef::2/64] gw " + ep.gateway() + " gw6 fd00:beef::1"), veth);
    assertEquals(List.of(Addresses.parse(ep.ipv4()), Addresses.parse("fd00:beef::2")),
        f.registry.lookup(sb.id(), "web").orElseThrow());
  }

  @Test
  void requestedIpv6AddressAndRelease() {
    Network n = mgr.create(v6("n6", List.of(new IpamConfig("fd00:beef::/64", null, null))));
    mgr.createSandbox(A);
    Endpoint ep = mgr.connect("n6", A, new EndpointRequest("a", List.of(), null, null, "fd00:beef::10"));
    assertEquals("fd00:beef::10/64", ep.ipv6Address());
    String pool6 = n.id() + "/fd00:beef::/64";
    assertTrue(f.ipam.isAllocated(pool6, Addresses.parse("fd00:beef::10")));
    mgr.disconnect("n6", A);
    assertFalse(f.ipam.isAllocated(pool6, Addresses.parse("fd00:beef::10")), "released on disconnect");
    InvalidParameterException out = assertThrows(InvalidParameterException.class, () -> mgr.connect("n6", A,
        new EndpointRequest("a", List.of(), null, null, "fd00:dead::1")));
    assertEquals("no configured subnet or ip-range contain the IP address fd00:dead::1", out.getMessage());
    assertFalse(f.ipam.isAllocated(n.id() + "/" + n.ipv4Config().subnet(), Addresses.parse(ep.ipv4())),
        "the IPv4 address of the refused join is given back");
  }

  @Test
  void ipv4OnlyNetworkHasNoIpv6AndRefusesIp6() {
    mgr.create(NetworkCreateRequest.named("n4"));
    mgr.createSandbox(A);
    Endpoint ep = mgr.connect("n4", A, EndpointRequest.of("a"));
    assertNull(ep.ipv6Address());
    assertNull(ep.ipv6Gateway());
    assertTrue(f.links.calls.stream().anyMatch(c -> c.startsWith("veth ") && c.endsWith(" no-ipv6")));
    mgr.createSandbox(B);
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> mgr.connect("n4", B, new EndpointRequest("b", List.of(), null, null, "fd00::5")));
    assertEquals(EndpointRequest.STATIC_ONLY, e.getMessage());
  }

  @Test
  void enableIpv6WithoutSubnetTakesADynamicUlaPool() {
    Network n = mgr.create(v6("nd", List.of()));
    IpamConfig c6 = n.ipv6Config();
    assertTrue(c6.dynamic());
    assertTrue(c6.subnet().startsWith("fd") && c6.subnet().endsWith("::/64"), c6.subnet());
    Network second = mgr.create(v6("nd2", List.of()));
    assertFalse(second.ipv6Config().subnet().equals(c6.subnet()), "the next /64 of the ULA /48");
  }

  @Test
  void restartReReservesLiveV6Addresses() {
    Network n = mgr.create(v6("n6", List.of(new IpamConfig("fd00:beef::/64", null, null))));
    Sandbox sa = mgr.createSandbox(A);
    mgr.createSandbox(B);
    Endpoint ea = mgr.connect("n6", A, EndpointRequest.of("alive"));
    Endpoint eb = mgr.connect("n6", B, EndpointRequest.of("dead"));
    NetworkManager again = f.restart();
    again.start(Set.of(A));
    String pool6 = n.id() + "/fd00:beef::/64";
    assertTrue(f.ipam.isAllocated(pool6, Addresses.parse(ea.ipv6())));
    assertFalse(f.ipam.isAllocated(pool6, Addresses.parse(eb.ipv6())), "a dead container's address is freed");
    assertEquals(List.of(Addresses.parse(ea.ipv4()), Addresses.parse(ea.ipv6())),
        f.registry.lookup(sa.id(), "alive").orElseThrow());
  }
}
