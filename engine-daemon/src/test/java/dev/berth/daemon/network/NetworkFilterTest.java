package dev.berth.daemon.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.filters.Filters;
import dev.berth.network.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkFilterTest {
  static final Network BRIDGE = network("aaaa1111", "bridge", "bridge", Map.of(), "2026-01-01T00:00:00Z");
  static final Network HOST = network("bbbb2222", "host", "host", Map.of(), "2026-01-01T00:00:00Z");
  static final Network WEB = network("cccc3333", "web-net", "bridge", Map.of("tier", "front"),
      "2026-03-01T00:00:00Z");

  static Network network(String id, String name, String driver, Map<String, String> labels, String created) {
    return new Network(id + "0".repeat(56), name, driver, created, false, false, false, List.of(), Map.of(),
        labels, null);
  }

  static Filters f(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String s : kv) {
      int eq = s.indexOf(':');
      m.computeIfAbsent(s.substring(0, eq), k -> new java.util.ArrayList<>()).add(s.substring(eq + 1));
    }
    return Filters.of(m);
  }

  static boolean list(Network n, boolean inUse, String... kv) {
    return NetworkFilter.forList(f(kv)).matches(n, inUse);
  }

  @Test
  void nameAndId_areUnanchoredExpressions() {
    assertTrue(list(WEB, false, "name:web"));
    assertTrue(list(WEB, false, "name:-ne"));
    assertTrue(list(WEB, false, "name:^web-net$"));
    assertFalse(list(BRIDGE, false, "name:web"));
    assertTrue(list(WEB, false, "id:cccc"));
    assertFalse(list(WEB, false, "id:aaaa"));
    assertTrue(list(WEB, false, "name:[", "name:web"), "an invalid expression is skipped");
  }

  @Test
  void driverScopeAndLabel() {
    assertTrue(list(HOST, false, "driver:host"));
    assertFalse(list(HOST, false, "driver:bridge"));
    assertTrue(list(WEB, false, "scope:local"));
    assertFalse(list(WEB, false, "scope:swarm"));
    assertTrue(list(WEB, false, "label:tier"));
    assertTrue(list(WEB, false, "label:tier=front"));
    assertFalse(list(WEB, false, "label:tier=back"));
    assertFalse(list(BRIDGE, false, "label:tier"));
  }

  @Test
  void typeAndDangling() {
    assertTrue(list(BRIDGE, false, "type:builtin"));
    assertFalse(list(WEB, false, "type:builtin"));
    assertTrue(list(WEB, false, "type:custom"));
    assertTrue(list(WEB, false, "dangling:true"));
    assertFalse(list(WEB, true, "dangling:true"));
    assertFalse(list(BRIDGE, false, "dangling:1"), "predefined networks are never dangling");
    assertTrue(list(BRIDGE, false, "dangling:false"));
    assertTrue(list(WEB, true, "dangling:0"));
    assertFalse(list(WEB, false, "dangling:false"));
  }

  @Test
  void badFilters_failLikeDockerd() {
    var e = assertThrows(InvalidParameterException.class, () -> NetworkFilter.forList(f("until:1")));
    assertEquals("invalid filter 'until'", e.getMessage());
    assertThrows(SystemException.class, () -> NetworkFilter.forList(f("type:weird")));
    var d = assertThrows(InvalidParameterException.class, () -> NetworkFilter.forList(f("dangling:maybe")));
    assertEquals("invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")",
        d.getMessage());
    assertThrows(InvalidParameterException.class, () -> NetworkFilter.forList(f("dangling:true", "dangling:0")));
    assertThrows(InvalidParameterException.class, () -> NetworkFilter.forPrune(f("name:x")));
    assertThrows(InvalidParameterException.class, () -> NetworkFilter.forPrune(f("until:1", "until:2")));
  }

  @Test
  void prune_untilAndNegatedLabels() {
    long feb = java.time.Instant.parse("2026-02-01T00:00:00Z").getEpochSecond();
    assertFalse(NetworkFilter.forPrune(f("until:" + feb + ".000000000")).matches(WEB, false));
    assertTrue(NetworkFilter.forPrune(f("until:" + (feb + 60L * 86400))).matches(WEB, false));
    assertFalse(NetworkFilter.forPrune(f("label!:tier")).matches(WEB, false));
    assertTrue(NetworkFilter.forPrune(f("label!:other")).matches(WEB, false));
    assertFalse(NetworkFilter.forPrune(f()).matches(BRIDGE, false));
  }
}
