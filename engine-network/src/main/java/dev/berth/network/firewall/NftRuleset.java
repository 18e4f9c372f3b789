package dev.berth.network.firewall;

import dev.berth.network.ipam.Addresses;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@link FirewallRules} as an {@code nft -f} script that atomically replaces Berth's table {@code table ip
 * <name>} (NAT, published ports, forwarding policy). Pure. icc=false relies on br_netfilter
 * ({@code net.bridge.bridge-nf-call-iptables=1}, set by the bridge driver) so that bridged frames between two
 * containers reach the ip forward hook, as with dockerd; {@code meta ibrname} in a bridge table would avoid that but
 * needs CONFIG_NFT_BRIDGE_META, which common kernels (this CI's included) lack.
 *
 * <p>Semantics follow dockerd's bridge driver with the userland proxy on: published ports are DNATed in prerouting
 * for traffic not coming from the container's own bridge, and in output for non-loopback destinations (loopback and
 * hairpin traffic reach the proxy); the forward chain isolates bridges from each other, seals internal networks,
 * accepts a container's outgoing and reply traffic and, inbound, only its published ports.
 */
public final class NftRuleset {
  private final String table;

  public NftRuleset(String table) {
    this.table = table;
  }

  public String table() {
    return table;
  }

  /** The script for {@code nft -f -}. */
  public String render(FirewallRules rules) {
    StringBuilder s = new StringBuilder();
    s.append("table ip ").append(table).append('\n');
    s.append("delete table ip ").append(table).append('\n');
    s.append("table ip ").append(table).append(" {\n");
    s.append("\tchain prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n");
    s.append("\t\tfib daddr type local jump published\n\t}\n");
    s.append("\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n");
    s.append("\t\tip daddr != 127.0.0.0/8 fib daddr type local jump published\n\t}\n");
    s.append("\tchain published {\n");
    for (PortRule p : rules.ports()) {
      s.append("\t\t");
      if (p.hostIp() != null && !p.hostIp().isAnyLocalAddress()) {
        s.append("ip daddr ").append(Addresses.format(p.hostIp())).append(' ');
      }
      s.append("iifname != ").append(q(p.bridge())).append(' ').append(p.proto()).append(" dport ")
          .append(p.hostPort()).append(" dnat to ").append(Addresses.format(p.containerIp())).append(':')
          .append(p.containerPort()).append('\n');
    }
    s.append("\t}\n");
    s.append("\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
    for (NetworkRule n : rules.networks()) {
      if (n.masquerade() && !n.internal() && !n.subnet().ipv6()) {
        s.append("\t\tip saddr ").append(n.subnet()).append(" oifname != ").append(q(n.bridge()))
            .append(" masquerade\n");
      }
    }
    s.append("\t}\n");
    s.append("\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n");
    appendForward(s, rules);
    s.append("\t}\n}\n");
    return s.toString();
  }

  /** The script that removes every Berth table (tolerates absence by creating before deleting). */
  public String renderRemove() {
    return "table ip " + table + "\ndelete table ip " + table + "\n";
  }

  private static void appendForward(StringBuilder s, FirewallRules rules) {
    List<NetworkRule> nets = rules.networks();
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
      }
      for (PortRule p : rules.ports()) {
        if (p.bridge().equals(n.bridge())) {
          s.append("\t\toifname ").append(br).append(" ip daddr ").append(Addresses.format(p.containerIp()))
              .append(' ').append(p.proto()).append(" dport ").append(p.containerPort()).append(" accept\n");
        }
      }
      s.append("\t\toifname ").append(br).append(" drop\n");
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
