package dev.berth.network.firewall;

import dev.berth.network.ipam.Addresses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders Berth's {@code table ip <name>} for {@code nft -f}. Pure.
 *
 * <p>Networks change rarely and are rendered as rules (a full, atomic table replace). Published ports change on
 * every {@code docker run} and live in maps and a set, so publishing is an element add (one nft exec, about 4 ms
 * here, where any rule replace costs 15-25 ms because it waits for an RCU grace period):
 * <ul>
 *   <li>{@code ports_any} ({@code proto . port : ip . port}) and {@code ports_ip} (the same keyed by host address)
 *       drive the DNAT in prerouting and, for non-loopback destinations, output. Traffic coming from any Berth
 *       bridge is not DNATed: it reaches the userland proxy, which serves hairpin and cross-network access;</li>
 *   <li>{@code ports_dst} ({@code ip . proto . port}) lets DNATed traffic through the forward chain.</li>
 * </ul>
 * The forward chain follows dockerd: bridges are isolated from each other, internal networks are sealed,
 * inter-container traffic obeys icc, containers may go out, and inbound only published ports pass. icc=false
 * relies on br_netfilter ({@code net.bridge.bridge-nf-call-iptables=1}, set by the bridge driver) so frames
 * between two containers reach this chain, as with dockerd; a bridge-family {@code meta ibrname} rule would avoid
 * that but needs CONFIG_NFT_BRIDGE_META, which common kernels (this CI's included) lack.
 */
public final class NftRuleset {
  static final String PORTS_ANY = "ports_any";
  static final String PORTS_IP = "ports_ip";
  static final String PORTS_DST = "ports_dst";

  private final String table;

  public NftRuleset(String table) {
    this.table = table;
  }

  public String table() {
    return table;
  }

  /** The whole table, replacing any previous one in the same transaction. */
  public String render(FirewallRules rules) {
    StringBuilder s = new StringBuilder();
    s.append("table ip ").append(table).append('\n');
    s.append("delete table ip ").append(table).append('\n');
    s.append("table ip ").append(table).append(" {\n");
    List<String> bridges = rules.networks().stream().map(NetworkRule::bridge).toList();
    s.append("\tset bridges {\n\t\ttype ifname\n");
    elements(s, bridges.stream().map(NftRuleset::q).toList());
    s.append("\t}\n\tmap ").append(PORTS_ANY).append(" {\n\t\ttype inet_proto . inet_service : ipv4_addr . "
        + "inet_service\n");
    elements(s, rules.ports().stream().filter(p -> isAny(p)).map(NftRuleset::anyElement).toList());
    s.append("\t}\n\tmap ").append(PORTS_IP).append(" {\n\t\ttype ipv4_addr . inet_proto . inet_service : "
        + "ipv4_addr . inet_service\n");
    elements(s, rules.ports().stream().filter(p -> !isAny(p)).map(NftRuleset::ipElement).toList());
    s.append("\t}\n\tset ").append(PORTS_DST).append(" {\n\t\ttype ipv4_addr . inet_proto . inet_service\n");
    elements(s, new ArrayList<>(dstElements(rules.ports())));
    s.append("\t}\n");
    s.append("\tchain prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n");
    s.append("\t\tfib daddr type local jump published\n\t}\n");
    s.append("\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n");
    s.append("\t\tip daddr != 127.0.0.0/8 fib daddr type local jump published\n\t}\n");
    s.append("\tchain published {\n\t\tiifname @bridges return\n");
    s.append("\t\tcounter dnat ip to ip daddr . meta l4proto . th dport map @").append(PORTS_IP).append('\n');
    s.append("\t\tcounter dnat ip to meta l4proto . th dport map @").append(PORTS_ANY).append("\n\t}\n");
    s.append("\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
    for (NetworkRule n : rules.networks()) {
      if (n.masquerade() && !n.internal() && !n.subnet().ipv6()) {
        s.append("\t\tip saddr ").append(n.subnet()).append(" oifname != ").append(q(n.bridge()))
            .append(" masquerade\n");
      }
    }
    s.append("\t}\n");
    s.append("\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n");
    appendForward(s, rules.networks());
    s.append("\t}\n}\n");
    return s.toString();
  }

  /**
   * The element changes for one publish or unpublish. {@code after} is the state once the change is done: a
   * {@code ports_dst} element another mapping still needs is not deleted.
   */
  public String renderPortChange(List<PortRule> added, List<PortRule> removed, FirewallRules after) {
    StringBuilder s = new StringBuilder();
    Set<String> keep = dstElements(after.ports());
    for (PortRule p : removed) {
      s.append("delete element ip ").append(table).append(' ').append(isAny(p) ? PORTS_ANY : PORTS_IP)
          .append(" { ").append(isAny(p) ? anyKey(p) : ipKey(p)).append(" }\n");
    }
    Set<String> deadDst = dstElements(removed);
    deadDst.removeAll(keep);
    for (String d : deadDst) {
      s.append("delete element ip ").append(table).append(' ').append(PORTS_DST).append(" { ").append(d)
          .append(" }\n");
    }
    for (PortRule p : added) {
      s.append("add element ip ").append(table).append(' ').append(isAny(p) ? PORTS_ANY : PORTS_IP).append(" { ")
          .append(isAny(p) ? anyElement(p) : ipElement(p)).append(" }\n");
    }
    for (String d : dstElements(added)) {
      s.append("add element ip ").append(table).append(' ').append(PORTS_DST).append(" { ").append(d)
          .append(" }\n");
    }
    return s.toString();
  }

  /** Removes the table (tolerates absence by declaring it first). */
  public String renderRemove() {
    return "table ip " + table + "\ndelete table ip " + table + "\n";
  }

  private static void appendForward(StringBuilder s, List<NetworkRule> nets) {
    for (NetworkRule n : nets) {
      List<String> others = nets.stream().map(NetworkRule::bridge).filter(b -> !b.equals(n.bridge())).toList();
      if (!others.isEmpty()) {
        s.append("\t\tiifname ").append(q(n.bridge())).append(" oifname ").append(set(others)).append(" drop\n");
      }
    }
    for (NetworkRule n : nets) {
      String br = q(n.bridge());
      if (n.internal()) {
        s.append("\t\tiifname ").append(br).append(" oifname != ").append(br).append(" drop\n");
        s.append("\t\toifname ").append(br).append(" iifname != ").append(br).append(" drop\n");
      }
      s.append("\t\tiifname ").append(br).append(" oifname ").append(br).append(n.icc() ? " accept\n" : " drop\n");
      s.append("\t\toifname ").append(br).append(" ct state established,related accept\n");
      if (!n.internal()) {
        s.append("\t\tiifname ").append(br).append(" accept\n");
        s.append("\t\toifname ").append(br).append(" ip daddr . meta l4proto . th dport @").append(PORTS_DST)
            .append(" accept\n");
      }
      s.append("\t\toifname ").append(br).append(" drop\n");
    }
  }

  private static boolean isAny(PortRule p) {
    return p.hostIp() == null || p.hostIp().isAnyLocalAddress();
  }

  private static String anyKey(PortRule p) {
    return p.proto() + " . " + p.hostPort();
  }

  private static String ipKey(PortRule p) {
    return Addresses.format(p.hostIp()) + " . " + p.proto() + " . " + p.hostPort();
  }

  private static String target(PortRule p) {
    return Addresses.format(p.containerIp()) + " . " + p.containerPort();
  }

  static String anyElement(PortRule p) {
    return anyKey(p) + " : " + target(p);
  }

  static String ipElement(PortRule p) {
    return ipKey(p) + " : " + target(p);
  }

  private static Set<String> dstElements(Collection<PortRule> ports) {
    Set<String> out = new LinkedHashSet<>();
    ports.forEach(p -> out.add(Addresses.format(p.containerIp()) + " . " + p.proto() + " . " + p.containerPort()));
    return out;
  }

  private static void elements(StringBuilder s, List<String> elements) {
    if (!elements.isEmpty()) {
      s.append("\t\telements = { ").append(String.join(", ", elements)).append(" }\n");
    }
  }

  private static String q(String name) {
    return "\"" + name + "\"";
  }

  private static String set(List<String> names) {
    return names.size() == 1 ? q(names.get(0))
        : names.stream().map(NftRuleset::q).collect(Collectors.joining(", ", "{ ", " }"));
  }
}
