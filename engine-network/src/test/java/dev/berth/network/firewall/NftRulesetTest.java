package dev.berth.network.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NftRulesetTest {
  private final NftRuleset nft = new NftRuleset("berth");
  private final NetworkRule def = new NetworkRule("berth0", Subnet.parse("172.18.0.0/16"), true, true, false);
  private final NetworkRule user = new NetworkRule("br-abc", Subnet.parse("172.19.0.0/16"), true, true, false);
  private final NetworkRule internal = new NetworkRule("br-int", Subnet.parse("172.20.0.0/16"), true, true, true);

  @Test
  void emptyStateStillReplacesTheTableAtomically() {
    String s = nft.render(FirewallRules.empty());
    assertTrue(s.startsWith("table ip berth\ndelete table ip berth\ntable ip berth {\n"), s);
    assertTrue(s.contains("fib daddr type local jump published"));
    assertTrue(s.contains("ip daddr != 127.0.0.0/8 fib daddr type local jump published"));
    assertTrue(s.endsWith("\t}\n}\n"));
  }

  @Test
  void masqueradeForEachNonInternalNetwork() {
    String s = nft.render(new FirewallRules(List.of(def, internal), List.of()));
    assertTrue(s.contains("\t\tip saddr 172.18.0.0/16 oifname != \"berth0\" masquerade\n"), s);
    assertFalse(s.contains("172.20.0.0/16 oifname"), "internal networks are never masqueraded");
  }

  @Test
  void publishedPortsLiveInMaps() {
    PortRule p = new PortRule("br-abc", "tcp", null, 8080, Addresses.parse("172.19.0.2"), 80);
    PortRule q = new PortRule("br-abc", "udp", Addresses.parse("192.0.2.2"), 5353, Addresses.parse("172.19.0.2"),
        53);
    String s = nft.render(new FirewallRules(List.of(user), List.of(p, q)));
    assertTrue(s.contains("\tmap ports_any {\n\t\ttype inet_proto . inet_service : ipv4_addr . inet_service\n"
        + "\t\telements = { tcp . 8080 : 172.19.0.2 . 80 }\n"), s);
    assertTrue(s.contains("\t\telements = { 192.0.2.2 . udp . 5353 : 172.19.0.2 . 53 }\n"));
    assertTrue(s.contains("\t\telements = { 172.19.0.2 . tcp . 80, 172.19.0.2 . udp . 53 }\n"));
    assertTrue(s.contains("\tchain published {\n\t\tiifname @bridges return\n"
        + "\t\tcounter dnat ip to ip daddr . meta l4proto . th dport map @ports_ip\n"
        + "\t\tcounter dnat ip to meta l4proto . th dport map @ports_any\n\t}\n"));
    int accept = s.indexOf("\t\toifname \"br-abc\" ip daddr . meta l4proto . th dport @ports_dst accept\n");
    int drop = s.indexOf("\t\toifname \"br-abc\" drop\n");
    assertTrue(accept > 0 && drop > accept, "published accept precedes the inbound drop");
  }

  @Test
  void portChangesAreElementUpdatesKeepingSharedDestinations() {
    PortRule a = new PortRule("br-abc", "tcp", null, 8080, Addresses.parse("172.19.0.2"), 80);
    PortRule b = new PortRule("br-abc", "tcp", Addresses.parse("127.0.0.1"), 8081, Addresses.parse("172.19.0.2"),
        80);
    assertEquals("add element ip berth ports_any { tcp . 8080 : 172.19.0.2 . 80 }\n"
        + "add element ip berth ports_dst { 172.19.0.2 . tcp . 80 }\n",
        nft.renderPortChange(List.of(a), List.of(), new FirewallRules(List.of(user), List.of(a))));
    assertEquals("delete element ip berth ports_any { tcp . 8080 }\n",
        nft.renderPortChange(List.of(), List.of(a), new FirewallRules(List.of(user), List.of(b))),
        "172.19.0.2 . tcp . 80 is still used by the 8081 mapping");
    assertEquals("delete element ip berth ports_ip { 127.0.0.1 . tcp . 8081 }\n"
        + "delete element ip berth ports_dst { 172.19.0.2 . tcp . 80 }\n",
        nft.renderPortChange(List.of(), List.of(b), new FirewallRules(List.of(user), List.of())));
  }

  @Test
  void bridgesAreIsolatedAndInternalIsSealed() {
    String s = nft.render(new FirewallRules(List.of(def, user, internal), List.of()));
    assertTrue(s.contains("\t\tiifname \"berth0\" oifname { \"br-abc\", \"br-int\" } drop\n"), s);
    assertTrue(s.contains("\t\tiifname \"br-int\" oifname != \"br-int\" drop\n"));
    assertTrue(s.contains("\t\toifname \"br-int\" iifname != \"br-int\" drop\n"));
    assertTrue(s.contains("\t\tiifname \"berth0\" accept\n"));
    assertFalse(s.contains("\t\tiifname \"br-int\" accept\n"));
    assertTrue(s.contains("\t\telements = { \"berth0\", \"br-abc\", \"br-int\" }\n"));
    assertTrue(s.indexOf("oifname { \"br-abc\", \"br-int\" } drop") < s.indexOf("iifname \"berth0\" accept"),
        "isolation comes before the outgoing accept");
  }

  @Test
  void iccFalseDropsTrafficWithinTheBridge() {
    NetworkRule noIcc = new NetworkRule("br-quiet", Subnet.parse("172.21.0.0/16"), true, false, false);
    String s = nft.render(new FirewallRules(List.of(def, noIcc), List.of()));
    assertTrue(s.contains("\t\tiifname \"br-quiet\" oifname \"br-quiet\" drop\n"));
    assertTrue(s.contains("\t\tiifname \"berth0\" oifname \"berth0\" accept\n"));
  }

  @Test
  void removeScriptToleratesMissingTables() {
    assertEquals("table ip berth\ndelete table ip berth\n", nft.renderRemove());
  }
}
