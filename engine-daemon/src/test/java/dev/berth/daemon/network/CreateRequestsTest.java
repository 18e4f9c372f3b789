package dev.berth.daemon.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.network.Ipam;
import dev.berth.api.model.network.IpamConfig;
import dev.berth.api.model.network.NetworkCreateRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateRequestsTest {
  static NetworkCreateRequest req(String name, Boolean ipv6, Map<String, String> opts, IpamConfig... cfg) {
    return new NetworkCreateRequest(name, null, "bridge", "", null, ipv6, new Ipam("default", Map.of(),
        List.of(cfg)), false, false, false, false, null, opts, Map.of());
  }

  static String error(IpamConfig... cfg) {
    return assertThrows(InvalidParameterException.class, () -> CreateRequests.toDomain(req("n", null, Map.of(),
        cfg))).getMessage();
  }

  @Test
  void validConfig_passesThrough() {
    var d = CreateRequests.toDomain(req("n", null, Map.of("com.docker.network.bridge.name", "br-x"),
        new IpamConfig("10.77.0.0/24", "10.77.0.128/25", "10.77.0.1", null)));
    assertEquals("bridge", d.driver());
    assertEquals("10.77.0.0/24", d.ipam().get(0).subnet());
    assertEquals("10.77.0.128/25", d.ipam().get(0).ipRange());
    assertEquals("10.77.0.1", d.ipam().get(0).gateway());
    assertEquals("br-x", d.options().get("com.docker.network.bridge.name"));
    assertFalse(d.enableIpv6());
  }

  @Test
  void ipamErrors_useMobysWording() {
    assertEquals("invalid network config:\ninvalid subnet 10.77.0.5/24: it should be 10.77.0.0/24",
        error(new IpamConfig("10.77.0.5/24", null, null, null)));
    assertEquals("invalid network config:\ninvalid subnet nope: invalid CIDR block notation",
        error(new IpamConfig("nope", null, null, null)));
    assertEquals("invalid network config:\ninvalid gateway 10.78.0.1: parent subnet 10.77.0.0/24 doesn't contain "
        + "this address", error(new IpamConfig("10.77.0.0/24", null, "10.78.0.1", null)));
    assertEquals("invalid network config:\n* invalid ip-range 10.77.0.0/16: CIDR block is bigger than its parent "
        + "subnet 10.77.0.0/24\n* invalid gateway x: invalid address",
        error(new IpamConfig("10.77.0.0/24", "10.77.0.0/16", "x", null)));
    assertEquals("invalid network config:\ninvalid ip-range 10.88.0.0/25: parent subnet 10.77.0.0/24 doesn't "
        + "contain ip-range", error(new IpamConfig("10.77.0.0/24", "10.88.0.0/25", null, null)));
  }

  @Test
  void names_predefinedForbiddenAndEmptyInvalid() {
    assertThrows(ForbiddenException.class, () -> CreateRequests.toDomain(req("host", null, Map.of())));
    assertEquals("invalid name: name is empty", assertThrows(InvalidParameterException.class,
        () -> CreateRequests.toDomain(req(" ", null, Map.of()))).getMessage());
  }

  @Test
  void ipv6_fromFieldOrOption() {
    assertTrue(CreateRequests.toDomain(req("n", null, Map.of("com.docker.network.enable_ipv6", "true")))
        .enableIpv6());
    var d = CreateRequests.toDomain(req("n", false, Map.of("com.docker.network.enable_ipv6", "true")));
    assertFalse(d.enableIpv6());
    assertFalse(d.options().containsKey("com.docker.network.enable_ipv6"));
    assertThrows(InvalidParameterException.class, () -> CreateRequests.toDomain(req("n", null,
        Map.of("com.docker.network.enable_ipv6", "yes"))));
  }
}
