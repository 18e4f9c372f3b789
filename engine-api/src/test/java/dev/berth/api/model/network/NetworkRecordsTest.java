package dev.berth.api.model.network;

import static dev.berth.api.model.Wire.fixture;
import static dev.berth.api.model.Wire.read;
import static dev.berth.api.model.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRecordsTest {

  @Test
  void dockerNetworkCreate_readsAndRoundTrips() {
    String body = fixture("network-create.json");
    NetworkCreateRequest req = read(body, NetworkCreateRequest.class);

    assertEquals("n1", req.name());
    assertEquals("bridge", req.driver());
    assertEquals(List.of(new IpamConfig("10.9.0.0/24", null, null, null)), req.ipam().config());
    assertNull(req.enableIpv6());
    assertNull(req.configFrom());
    assertEquals(tree(body), tree(req));
  }

  @Test
  void dockerNetworkConnectAndDisconnect_readAndRoundTrip() {
    String connect = fixture("network-connect.json");
    NetworkConnectRequest c = read(connect, NetworkConnectRequest.class);
    assertEquals("x", c.container());
    assertEquals("10.9.0.5", c.endpointConfig().ipamConfig().ipv4Address());
    assertEquals(List.of("a1"), c.endpointConfig().aliases());
    assertEquals(tree(connect), tree(c));

    String disconnect = fixture("network-disconnect.json");
    NetworkDisconnectRequest d = read(disconnect, NetworkDisconnectRequest.class);
    assertTrue(d.force());
    assertEquals(tree(disconnect), tree(d));
  }

  @Test
  void networkResource_goValuesAndOmitempty() {
    NetworkResource n = new NetworkResource("bridge", "f2de39df4171", "2025-06-01T10:00:00.5Z", "local", "bridge",
        true, false, new Ipam(Ipam.DEFAULT_DRIVER, null, List.of(IpamConfig.of("172.17.0.0/16", "172.17.0.1"))),
        false, false, false, null, false,
        Map.of("abc", new NetworkResource.EndpointResource("x", "ep1", "02:42:ac:11:00:02", "172.17.0.2/16", "")),
        Map.of("com.docker.network.bridge.default_bridge", "true"), Map.of(), null, null);
    JsonNode json = tree(n);

    assertEquals(tree("{\"Network\":\"\"}"), json.get("ConfigFrom"));
    assertEquals(tree("{\"Driver\":\"default\",\"Options\":null,"
        + "\"Config\":[{\"Subnet\":\"172.17.0.0/16\",\"Gateway\":\"172.17.0.1\"}]}"), json.get("IPAM"));
    assertFalse(json.has("Peers"));
    assertFalse(json.has("Services"));
    assertEquals("172.17.0.2/16", json.get("Containers").get("abc").get("IPv4Address").asText());
    assertEquals("", json.get("Containers").get("abc").get("IPv6Address").asText());
    assertEquals("f2de39df4171", json.get("Id").asText());
    assertTrue(json.get("EnableIPv4").asBoolean());
  }

  @Test
  void smallResponses() {
    assertEquals(tree("{\"Id\":\"abc\",\"Warning\":\"\"}"), tree(NetworkCreateResponse.of("abc")));
    assertEquals(tree("{\"NetworksDeleted\":null}"), tree(new NetworkPruneResponse(null)));
  }
}
