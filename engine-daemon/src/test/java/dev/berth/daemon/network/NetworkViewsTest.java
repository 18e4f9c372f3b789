package dev.berth.daemon.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.api.model.network.NetworkResource;
import dev.berth.daemon.http.Json;
import dev.berth.network.Endpoint;
import dev.berth.network.IpamConfig;
import dev.berth.network.IpamRequest;
import dev.berth.network.Network;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkViewsTest {
  static final String ID = "f".repeat(64);

  @Test
  void userNetwork_hasIpamOptionsAndSortedMaps() {
    Network n = new Network(ID, "web", "bridge", "2026-11-22T09:00:00.120Z", true, false, false,
        List.of(new IpamConfig("10.77.0.0/24", null, "10.77.0.1")), Map.of("b", "2", "a", "1"),
        Map.of("z", "", "k", "v"), "br-ffffffffffff");
    NetworkResource r = NetworkViews.resource(n, Map.of());
    assertEquals("2026-11-22T09:00:00.12Z", r.created());
    assertEquals("local", r.scope());
    assertEquals(Map.of(), r.ipam().options());
    assertEquals("10.77.0.1", r.ipam().config().get(0).gateway());
    String json = new String(Json.bytes(r), StandardCharsets.UTF_8);
    assertEquals(true, json.contains("\"Options\":{\"a\":\"1\",\"b\":\"2\"}"), json);
    assertEquals(true, json.contains("\"Config\":[{\"Subnet\":\"10.77.0.0/24\",\"Gateway\":\"10.77.0.1\"}]"), json);
  }

  @Test
  void predefinedWithoutPools_hasNullIpamOptionsAndConfig() {
    Network none = new Network(ID, "none", "null", "2026-11-22T09:00:00Z", false, false, false, List.of(),
        Map.of(), Map.of(), null);
    NetworkResource r = NetworkViews.resource(none, Map.of());
    assertNull(r.ipam().options());
    assertNull(r.ipam().config());
    assertEquals("default", r.ipam().driver());
  }

  @Test
  void containers_byIdWithCidrAddresses_emptyWhenAbsent() {
    Endpoint bridged = new Endpoint("e".repeat(64), ID, "c1", "web", "eth0", "veth1", "02:42:0a:4d:00:02",
        "10.77.0.2/24", "10.77.0.1", true, List.of(), List.of(), List.of());
    Endpoint host = new Endpoint("d".repeat(64), ID, "c2", "h", null, null, null, null, null, false, List.of(),
        List.of(), List.of());
    var m = NetworkViews.containers(List.of(bridged, host));
    assertEquals(new NetworkResource.EndpointResource("web", "e".repeat(64), "02:42:0a:4d:00:02", "10.77.0.2/24",
        ""), m.get("c1"));
    assertEquals(new NetworkResource.EndpointResource("h", "d".repeat(64), "", "", ""), m.get("c2"));
  }

  @Test
  void ipam_showsTheRequestAsGiven_v4First_andPoolsOnlyForFamiliesNotAskedFor() {
    List<IpamConfig> pools = List.of(new IpamConfig("fd00:1::/64", null, "fd00:1::1"),
        new IpamConfig("10.9.0.0/24", "10.9.0.128/25", "10.9.0.128"));
    Network asked = new Network(ID, "n", "bridge", "", false, false, true, pools, Map.of(), Map.of(), "br",
        new IpamRequest(null, List.of(new IpamConfig("fd00:1::/64", null, null),
            new IpamConfig("10.9.0.0/24", "10.9.0.128/25", null))));
    String json = new String(Json.bytes(NetworkViews.resource(asked, Map.of()).ipam()), StandardCharsets.UTF_8);
    assertEquals("{\"Driver\":\"default\",\"Options\":null,\"Config\":[{\"Subnet\":\"10.9.0.0/24\","
        + "\"IPRange\":\"10.9.0.128/25\"},{\"Subnet\":\"fd00:1::/64\"}]}", json);

    Network auto = new Network(ID, "n", "bridge", "", false, false, false,
        List.of(new IpamConfig("172.20.0.0/16", null, "172.20.0.1")), Map.of(), Map.of(), "br",
        new IpamRequest(Map.of(), List.of()));
    var ipam = NetworkViews.resource(auto, Map.of()).ipam();
    assertEquals(Map.of(), ipam.options());
    assertEquals("172.20.0.1", ipam.config().get(0).gateway());
  }
}
