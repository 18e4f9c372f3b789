package dev.berth.daemon.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.EndpointIPAMConfig;
import dev.berth.api.model.container.EndpointSettings;
import dev.berth.network.IpamConfig;
import dev.berth.network.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointRulesTest {
  static final Network BRIDGE = net("1", "bridge", "bridge", "172.18.0.0/16", null);
  static final Network HOST = net("2", "host", "host", null, null);
  static final Network NONE = net("3", "none", "null", null, null);
  static final Network USER = net("4", "n2", "bridge", "10.77.0.0/24", "10.77.0.0/25");
  static final Map<String, Network> ALL = Map.of("bridge", BRIDGE, "host", HOST, "none", NONE, "n2", USER);

  static Network net(String id, String name, String driver, String subnet, String range) {
    return new Network(id.repeat(64), name, driver, "", false, false, false,
        subnet == null ? List.of() : List.of(new IpamConfig(subnet, range, null)), Map.of(), Map.of(), null);
  }

  static EndpointSettings settings(String ip, List<String> aliases) {
    return EndpointSettings.config(ip == null ? null : new EndpointIPAMConfig(ip, null, null), aliases, null, null);
  }

  static String invalid(Network n, EndpointSettings s) {
    return assertThrows(InvalidParameterException.class, () -> EndpointRules.validate(n, s)).getMessage();
  }

  static NetworkContainers.Target target(String mode, String... networks) {
    Map<String, EndpointSettings> m = new LinkedHashMap<>();
    for (String n : networks) {
      m.put(n, settings(null, null));
    }
    return new NetworkContainers.Target("c".repeat(64), "web", true, mode, m);
  }

  static boolean conflicts(NetworkContainers.Target t, Network n) {
    return EndpointRules.checkConflicts(t, n, name -> Optional.ofNullable(ALL.get(name)));
  }

  @Test
  void staticIpAndAliases_onlyOnUserNetworks() {
    assertEquals("invalid endpoint settings:\n" + EndpointRules.IP_UNSUPPORTED,
        invalid(BRIDGE, settings("172.18.0.9", null)));
    assertEquals("invalid endpoint settings:\n* " + EndpointRules.IP_UNSUPPORTED + "\n* "
        + EndpointRules.ALIAS_UNSUPPORTED, invalid(BRIDGE, settings("172.18.0.9", List.of("a"))));
    EndpointRules.validate(USER, settings("10.77.0.50", List.of("a")));
  }

  @Test
  void ipOutsideRange_orMalformed() {
    assertEquals("invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.78.0.200",
        invalid(USER, settings("10.78.0.200", null)));
    EndpointRules.validate(USER, settings("10.77.0.200", null)); // outside the ip-range, inside the subnet
    assertEquals("invalid endpoint settings:\ninvalid IPv4 address: 10.77.0.x",
        invalid(USER, settings("10.77.0.x", null)));
  }

  @Test
  void validateCreate_namesTheNetwork_andSkipsUnknownNetworks() {
    Map<String, EndpointSettings> eps = new LinkedHashMap<>();
    eps.put("default", settings("172.18.0.9", null));
    eps.put("n2", settings("10.78.0.200", null));
    eps.put("later", settings("10.1.2.3", List.of("x")));
    String msg = assertThrows(InvalidParameterException.class, () -> EndpointRules.validateCreate(eps,
        name -> Optional.ofNullable(ALL.get(name)))).getMessage();
    assertEquals("* invalid config for network default: invalid endpoint settings:\n\t" + EndpointRules.IP_UNSUPPORTED
        + "\n* invalid config for network n2: invalid endpoint settings:\n\tno configured subnet or ip-range "
        + "contain the IP address 10.78.0.200", msg);
    EndpointRules.validateCreate(Map.of("later", settings("10.1.2.3", null)), name -> Optional.empty());
  }

  @Test
  void conflicts_hostNoneAndDuplicates() {
    assertTrue(conflicts(target("n2", "n2"), USER), "already connected");
    assertFalse(conflicts(target("bridge", "bridge"), USER));
    assertEquals(EndpointRules.CONNECT_HOST, assertThrows(InvalidParameterException.class,
        () -> conflicts(target("bridge", "bridge"), HOST)).getMessage());
    assertEquals(EndpointRules.SHARED, assertThrows(InvalidParameterException.class,
        () -> conflicts(target("host", "host"), USER)).getMessage());
    assertEquals(EndpointRules.NO_NETWORK, assertThrows(InvalidParameterException.class,
        () -> conflicts(target("none", "none"), USER)).getMessage());
  }
}
