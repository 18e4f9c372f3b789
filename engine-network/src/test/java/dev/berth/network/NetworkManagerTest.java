package dev.berth.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.Subnet;
import dev.berth.network.portmap.BoundPort;
import dev.berth.network.portmap.PortMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkManagerTest {
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
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private NetworkCreateRequest withSubnet(String name, String subnet) {
    return new NetworkCreateRequest(name, "bridge", false, false, false,
        List.of(new IpamConfig(subnet, null, null)), Map.of(), Map.of("l", "v"));
  }

  @Test
  void startCreatesThePredefinedNetworks() {
    mgr.start(Set.of());
    assertEquals(List.of("bridge", "host", "none"), mgr.list().stream().map(Network::name).toList());
    Network bridge = mgr.get("bridge");
    assertEquals("berth0", bridge.bridge());
    assertEquals(new IpamConfig("172.17.0.0/16", null, "172.17.0.1", null, true), bridge.ipam().get(0));
    assertEquals("true", bridge.options().get("com.docker.network.bridge.default_bridge"));
    assertTrue(f.links.calls.contains("bridge berth0 mtu 1500 [172.17.0.1/16]"));
    assertEquals("berth0", f.firewall.current.networks().get(0).bridge());
    assertEquals("null", mgr.get("none").driver());
  }

  @Test
  void defaultBridgeAvoidsSubnetsTheHostUses() {
    f.hostSubnets.add(Subnet.parse("172.17.0.0/16")); // docker0
    mgr.start(Set.of());
    assertEquals("172.18.0.0/16", mgr.get("bridge").ipam().get(0).subnet());
    assertEquals("172.19.0.0/16", mgr.create(NetworkCreateRequest.named("app")).ipam().get(0).subnet());
  }

  @Test
  void namesAreUniqueAndPredefinedNamesReserved() {
    mgr.start(Set.of());
    Network app = mgr.create(NetworkCreateRequest.named("app"));
    assertEquals("br-" + app.id().substring(0, 12), app.bridge());
    ConflictException e = assertThrows(ConflictException.class, () -> mgr.create(NetworkCreateRequest.named("app")));
    assertEquals("network with name app already exists", e.getMessage());
    assertThrows(ForbiddenException.class, () -> mgr.create(NetworkCreateRequest.named("host")));
    assertThrows(NotFoundException.class, () -> mgr.create(new NetworkCreateRequest("o", "overlay", false, false,
        false, List.of(), Map.of(), Map.of())));
    assertThrows(dev.berth.network.ipam.PoolOverlapException.class,
        () -> mgr.create(withSubnet("clash", mgr.get("app").ipam().get(0).subnet())));
  }

  @Test
  void lookupByIdNameAndPrefix() {
    mgr.start(Set.of());
    Network app = mgr.create(NetworkCreateRequest.named("app"));
    assertEquals(app, mgr.get(app.id()));
    assertEquals(app, mgr.get("app"));
    assertEquals(app, mgr.get(app.id().substring(0, 5)));
    NotFoundException e = assertThrows(NotFoundException.class, () -> mgr.get("nope"));
    assertEquals("network nope not found", e.getMessage());
    assertThrows(NotFoundException.class, () -> mgr.get(""));
    for (int i = 0; i < 14; i++) {
      mgr.create(NetworkCreateRequest.named("n" + i)); // 17 networks: two IDs must share a first hex digit
    }
    String shared = mgr.list().stream().map(n -> n.id().substring(0, 1))
        .filter(c -> mgr.list().stream().filter(n -> n.id().startsWith(c)).count() > 1).findFirst().orElseThrow();
    InvalidParameterException amb = assertThrows(InvalidParameterException.class, () -> mgr.get(shared));
    assertTrue(amb.getMessage().startsWith("network " + shared + " is ambiguous ("), amb.getMessage());
  }

  @Test
  void connectWiresVethAddressMacRouteAndDns() {
    mgr.start(Set.of());
    mgr.create(withSubnet("app", "10.251.1.0/24"));
    mgr.create(withSubnet("back", "10.251.2.0/24"));
    Sandbox sb = mgr.createSandbox(A);
    assertTrue(Files.exists(Path.of(sb.key())));
    assertEquals(dir.resolve("exec/netns").resolve(sb.id()).toString(), sb.key());
    Endpoint ep = mgr.connect("app", A, new EndpointRequest("/web", List.of("frontend"), null, null));
    assertEquals("10.251.1.2/24", ep.ipv4Address());
    assertEquals("02:42:0a:fb:01:02", ep.macAddress());
    assertEquals("eth0", ep.ifName());
    assertTrue(ep.gatewayEndpoint());
    assertEquals(List.of("web", "frontend", "aaaaaaaaaaaa"), ep.dnsNames());
    String veth = f.links.calls.stream().filter(c -> c.startsWith("veth ")).findFirst().orElseThrow();
    assertTrue(veth.endsWith("peer eth0 in " + sb.key() + " mac 02:42:0a:fb:01:02 [10.251.1.2/24] gw 10.251.1.1 no-ipv6"),
        veth);
    Endpoint second = mgr.connect("back", A, EndpointRequest.of("web"));
    assertEquals("eth1", second.ifName());
    assertFalse(second.gatewayEndpoint(), "only the first network carries the default route");
    assertEquals(List.of(Addresses.parse("10.251.1.2")), f.registry.lookup(sb.id(), "frontend").orElseThrow());
    assertTrue(mgr.usesEmbeddedDns(A));
    assertTrue(f.runner.calls.stream().anyMatch(c -> c.command().equals("nsenter --net=" + sb.key() + " nft -f -")
        && c.stdin().contains("ip daddr 127.0.0.11 udp dport 53 dnat to 127.0.0.11:")), "DNS redirect in sandbox");
    assertTrue(f.netns.calls.contains("callIn " + sb.key()));
  }

  @Test
  void defaultBridgeRefusesAliasesAndAddresses() {
    mgr.start(Set.of());
    mgr.createSandbox(A);
    assertThrows(InvalidParameterException.class,
        () -> mgr.connect("bridge", A, new EndpointRequest("web", List.of("x"), null, null)));
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> mgr.connect("bridge", A, new EndpointRequest("web", List.of(), "172.17.0.9", null)));
    assertEquals("user specified IP address is supported on user defined networks only", e.getMessage());
    Endpoint ep = mgr.connect("bridge", A, EndpointRequest.of("web"));
    assertEquals("172.17.0.2/16", ep.ipv4Address());
    assertEquals("02:42:ac:11:00:02", ep.macAddress());
    assertFalse(mgr.usesEmbeddedDns(A));
    assertEquals("172.17.0.1", mgr.hostGatewayIp());
  }

  @Test
  void requestedAddressAndMac() {
    mgr.start(Set.of());
    mgr.create(withSubnet("app", "10.251.1.0/24"));
    mgr.createSandbox(A);
    mgr.createSandbox(B);
    Endpoint ep = mgr.connect("app", A, new EndpointRequest("a", List.of(), "10.251.1.77", "02-42-AA-BB-CC-DD"));
    assertEquals("10.251.1.77/24", ep.ipv4Address());
    assertEquals("02:42:aa:bb:cc:dd", ep.macAddress());
    ForbiddenException e = assertThrows(ForbiddenException.class,
        () -> mgr.connect("app", B, new EndpointRequest("b", List.of(), "10.251.1.77", null)));
    assertEquals("Address already in use", e.getMessage());
    assertThrows(ForbiddenException.class, () -> mgr.connect("app", A, EndpointRequest.of("a")));
  }

  @Test
  void failedVethRollsBackTheAddress() {
    mgr.start(Set.of());
    mgr.create(withSubnet("app", "10.251.1.0/24"));
    mgr.createSandbox(A);
    f.links.failNextVeth = new SystemException("ip failed");
    assertThrows(SystemException.class,
        () -> mgr.connect("app", A, new EndpointRequest("a", List.of(), "10.251.1.5", null)));
    assertTrue(mgr.endpointsOfContainer(A).isEmpty());
    assertEquals("10.251.1.5/24",
        mgr.connect("app", A, new EndpointRequest("a", List.of(), "10.251.1.5", null)).ipv4Address());
  }

  @Test
  void removeRefusesActiveEndpointsAndPredefined() {
    mgr.start(Set.of());
    Network app = mgr.create(NetworkCreateRequest.named("app"));
    mgr.createSandbox(A);
    mgr.connect("app", A, EndpointRequest.of("a"));
    ForbiddenException e = assertThrows(ForbiddenException.class, () -> mgr.remove("app"));
    assertEquals("error while removing network: network app id " + app.id() + " has active endpoints",
        e.getMessage());
    ForbiddenException p = assertThrows(ForbiddenException.class, () -> mgr.remove("bridge"));
    assertEquals("bridge is a pre-defined network and cannot be removed", p.getMessage());
    mgr.disconnect("app", A);
    mgr.remove("app");
    assertTrue(f.links.calls.contains("del " + app.bridge()));
    assertFalse(f.ipam.hasPool(app.id() + "/" + app.ipam().get(0).subnet()));
    assertThrows(NotFoundException.class, () -> mgr.get("app"));
  }

  @Test
  void publishAndTeardownLeaveNothingBehind() {
    mgr.start(Set.of());
    mgr.create(withSubnet("app", "10.251.1.0/24"));
    Sandbox sb = mgr.createSandbox(A);
    Endpoint ep = mgr.connect("app", A, EndpointRequest.of("web"));
    List<BoundPort> ports = mgr.publish(A, List.of(PortMapping.parse("8080:80"), PortMapping.parse("53/udp")));
    assertEquals(new BoundPort("tcp", "0.0.0.0", 8080, 80), ports.get(0));
    assertEquals(40000, ports.get(1).hostPort());
    assertEquals(2, f.firewall.current.ports().size());
    assertEquals(ports, mgr.endpointsOfContainer(A).get(0).ports());

    mgr.removeSandbox(A);
    assertTrue(f.firewall.current.ports().isEmpty());
    assertTrue(f.proxy.open.isEmpty());
    assertFalse(f.links.calls.contains("del " + ep.hostInterface()), "the veth dies with the namespace");
    assertFalse(Files.exists(Path.of(sb.key())));
    assertTrue(mgr.endpointsOfContainer(A).isEmpty());
    assertFalse(f.ipam.isAllocated(mgr.get("app").id() + "/10.251.1.0/24", Addresses.parse("10.251.1.2")));
    assertTrue(f.registry.lookup(sb.id(), "web").isEmpty());
    mgr.remove("app");
  }

  @Test
  void restartKeepsLiveContainersAndCleansTheRest() throws Exception {
    mgr.start(Set.of());
    mgr.create(withSubnet("app", "10.251.1.0/24"));
    Sandbox sa = mgr.createSandbox(A);
    Sandbox sbB = mgr.createSandbox(B);
    Endpoint ea = mgr.connect("app", A, EndpointRequest.of("alive"));
    Endpoint eb = mgr.connect("app", B, EndpointRequest.of("dead"));
    mgr.publish(A, List.of(PortMapping.parse("8080:80")));
    Path stray = dir.resolve("exec/netns/stray");
    Files.writeString(stray, "");
    f.links.links.put("vethstale", mgr.get("app").bridge());
    f.links.links.put("vethdocker", "docker0");

    NetworkManager again = f.restart();
    again.start(Set.of(A));
    assertEquals(List.of(ea.id()), again.endpoints("app").stream().map(Endpoint::id).toList());
    assertTrue(f.proxy.open.contains("tcp/0.0.0.0:8080"), "ports re-published");
    assertEquals(1, f.firewall.current.ports().size());
    assertTrue(f.links.calls.contains("del " + eb.hostInterface()));
    assertTrue(f.links.calls.contains("del vethstale"));
    assertFalse(f.links.calls.contains("del vethdocker"), "never touches other bridges");
    assertFalse(Files.exists(Path.of(sbB.key())));
    assertFalse(Files.exists(stray));
    assertTrue(Files.exists(Path.of(sa.key())));
    assertEquals(List.of(Addresses.parse("10.251.1.2")), f.registry.lookup(sa.id(), "alive").orElseThrow());
    assertTrue(f.registry.lookup(sa.id(), "dead").isEmpty());
    String appPool = again.get("app").id() + "/10.251.1.0/24";
    assertTrue(f.ipam.isAllocated(appPool, Addresses.parse("10.251.1.2")), "IPAM state restored from networks.json");
    assertFalse(f.ipam.isAllocated(appPool, Addresses.parse("10.251.1.3")));
    String c = "c".repeat(64);
    again.createSandbox(c);
    assertEquals("10.251.1.4/24", again.connect("app", c, EndpointRequest.of("x")).ipv4Address(),
        "serial allocation resumes after a restart");
  }

  @Test
  void connectWithPortsIsOneOperationAndRollsBackOnConflict() {
    mgr.start(Set.of());
    mgr.create(withSubnet("app", "10.251.1.0/24"));
    mgr.createSandbox(A);
    mgr.createSandbox(B);
    Endpoint ea = mgr.connect("app", A, EndpointRequest.of("a"), List.of(PortMapping.parse("8080:80")));
    assertEquals(List.of(new BoundPort("tcp", "0.0.0.0", 8080, 80)), ea.ports());
    assertThrows(SystemException.class,
        () -> mgr.connect("app", B, EndpointRequest.of("b"), List.of(PortMapping.parse("8080:80"))));
    assertTrue(mgr.endpointsOfContainer(B).isEmpty(), "the failed join was undone");
    assertEquals(1, f.firewall.current.ports().size());
    assertEquals("10.251.1.4/24", mgr.connect("app", B, EndpointRequest.of("b")).ipv4Address(), "serial: .3 rests");
  }

  @Test
  void pruneRemovesOnlyUnusedUserNetworks() {
    mgr.start(Set.of());
    mgr.create(NetworkCreateRequest.named("used"));
    mgr.create(NetworkCreateRequest.named("idle"));
    mgr.createSandbox(A);
    mgr.connect("used", A, EndpointRequest.of("a"));
    assertEquals(List.of("idle"), mgr.prune(n -> true));
    assertEquals(List.of("bridge", "host", "none", "used"), mgr.list().stream().map(Network::name).toList());
  }

  @Test
  void auxAddressesAreKeptInTheConfigAndReserved() {
    mgr.start(Set.of());
    Network n = mgr.create(new NetworkCreateRequest("aux", "bridge", false, false, false,
        List.of(new IpamConfig("10.251.8.0/29", null, null, Map.of("h", "10.251.8.2"))), Map.of(), Map.of()));
    assertEquals(Map.of("h", "10.251.8.2"), n.ipam().get(0).auxAddresses());
    mgr.createSandbox(A);
    assertEquals("10.251.8.3", mgr.connect("aux", A, EndpointRequest.of("a")).ipv4());
  }

  @Test
  void internalNetworksHaveNoRouteOutAndNoMasquerade() {
    mgr.start(Set.of());
    mgr.create(new NetworkCreateRequest("sealed", "bridge", true, false, false,
        List.of(new IpamConfig("10.251.9.0/24", null, null)), Map.of(), Map.of()));
    mgr.create(withSubnet("open", "10.251.1.0/24"));
    mgr.createSandbox(A);
    Endpoint in = mgr.connect("sealed", A, EndpointRequest.of("a"));
    assertFalse(in.gatewayEndpoint());
    assertTrue(f.links.calls.stream().anyMatch(c -> c.startsWith("veth " + in.hostInterface()) && c.endsWith("gw null no-ipv6")));
    assertTrue(mgr.publish(A, List.of(PortMapping.parse("80:80"))).isEmpty(), "nothing published on internal");
    Endpoint out = mgr.connect("open", A, EndpointRequest.of("a"));
    assertTrue(out.gatewayEndpoint(), "the first non-internal network carries the default route");
    var rule = f.firewall.current.networks().stream().filter(r -> r.subnet().toString().equals("10.251.9.0/24"))
        .findFirst().orElseThrow();
    assertTrue(rule.internal());
    assertFalse(f.registry.canForward("x"));
  }

  @Test
  void iccAndMasqueradeOptionsReachTheFirewall() {
    mgr.start(Set.of());
    mgr.create(new NetworkCreateRequest("quiet", "bridge", false, false, false,
        List.of(new IpamConfig("10.251.3.0/24", null, null)), Map.of("com.docker.network.bridge.enable_icc", "false",
        "com.docker.network.bridge.enable_ip_masquerade", "false", "com.docker.network.driver.mtu", "1400"), Map.of()));
    var rule = f.firewall.current.networks().get(1);
    assertFalse(rule.icc());
    assertFalse(rule.masquerade());
    assertTrue(f.links.calls.stream().anyMatch(c -> c.contains("mtu 1400 [10.251.3.1/24]")));
    assertThrows(InvalidParameterException.class, () -> mgr.create(new NetworkCreateRequest("bad", "bridge", false,
        false, false, List.of(), Map.of("com.docker.network.bridge.enable_icc", "maybe"), Map.of())));
  }

  @Test
  void noneNetworkGetsOnlyLoopback() {
    mgr.start(Set.of());
    Sandbox sb = mgr.createSandbox(A);
    Endpoint ep = mgr.connect("none", A, EndpointRequest.of("n"));
    assertEquals(null, ep.ipv4Address());
    assertTrue(f.links.calls.contains("lo up in " + sb.key()));
    assertTrue(f.links.calls.stream().noneMatch(c -> c.startsWith("veth ")));
  }

  @Test
  void hostNetworkNeedsNoSandbox() {
    mgr.start(Set.of());
    Endpoint ep = mgr.connect("host", A, EndpointRequest.of("h"));
    assertEquals(null, ep.ipv4Address());
    assertTrue(mgr.publish(A, List.of(PortMapping.parse("80:80"))).isEmpty());
    mgr.removeSandbox(A);
    assertTrue(mgr.endpointsOfContainer(A).isEmpty());
  }
}
