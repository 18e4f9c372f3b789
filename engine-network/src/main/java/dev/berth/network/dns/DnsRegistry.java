package dev.berth.network.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names the embedded DNS serves: per user-defined network, each endpoint's address and DNS names (container
 * name, aliases, short ID); per sandbox, the networks it is attached to, in attach order. A sandbox sees only
 * names on its own networks, as with dockerd. Thread-safe.
 */
public final class DnsRegistry {
  private record Host(List<InetAddress> ips, List<String> names) {}

  private static final class Net {
    final String name;
    final boolean internal;
    final Map<String, Host> hosts = new LinkedHashMap<>(); // endpointId -> host

    Net(String name, boolean internal) {
      this.name = name;
      this.internal = internal;
    }
  }

  private final Map<String, Net> networks = new LinkedHashMap<>();
  private final Map<String, Set<String>> sandboxes = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> links = new LinkedHashMap<>(); // sandbox -> alias -> name

  /** Registers an endpoint's names on a network and attaches its sandbox to that network. */
  public synchronized void register(String sandboxId, String networkId, String networkName, boolean internal,
      String endpointId, InetAddress ip, List<String> names) {
    register(sandboxId, networkId, networkName, internal, endpointId, List.of(ip), names);
  }

  /** As above with all the endpoint's addresses (IPv4 and, on IPv6 networks, IPv6). */
  public synchronized void register(String sandboxId, String networkId, String networkName, boolean internal,
      String endpointId, List<InetAddress> ips, List<String> names) {
    Net net = networks.computeIfAbsent(networkId, k -> new Net(networkName, internal));
    net.hosts.put(endpointId, new Host(List.copyOf(ips), names.stream().map(DnsRegistry::norm).distinct()
        .toList()));
    sandboxes.computeIfAbsent(sandboxId, k -> new LinkedHashSet<>()).add(networkId);
  }

  public synchronized void unregister(String sandboxId, String networkId, String endpointId) {
    Net net = networks.get(networkId);
    if (net != null) {
      net.hosts.remove(endpointId);
      if (net.hosts.isEmpty()) {
        networks.remove(networkId);
      }
    }
    Set<String> nets = sandboxes.get(sandboxId);
    if (nets != null) {
      nets.remove(networkId);
      if (nets.isEmpty()) {
        sandboxes.remove(sandboxId);
        links.remove(sandboxId);
      }
    }
  }

  /** A sandbox's legacy links: {@code alias} resolves as {@code name} from that sandbox only. */
  public synchronized void links(String sandboxId, Map<String, String> aliasToName) {
    Map<String, String> m = new LinkedHashMap<>();
    aliasToName.forEach((alias, name) -> m.put(norm(alias), norm(name)));
    if (m.isEmpty()) {
      links.remove(sandboxId);
    } else {
      links.put(sandboxId, m);
    }
  }

  /**
   * Addresses for {@code qname} as seen from the sandbox: the first of its networks (in attach order) that knows
   * the name, or empty when none does. {@code name.network} looks only in that network.
   */
  public synchronized Optional<List<InetAddress>> lookup(String sandboxId, String qname) {
    String name = norm(qname);
    name = links.getOrDefault(sandboxId, Map.of()).getOrDefault(name, name);
    for (String netId : sandboxes.getOrDefault(sandboxId, Set.of())) {
      Net net = networks.get(netId);
      if (net == null) {
        continue;
      }
      String bare = name;
      String suffix = "." + net.name.toLowerCase(Locale.ROOT);
      if (name.endsWith(suffix)) {
        bare = name.substring(0, name.length() - suffix.length());
      }
      List<InetAddress> ips = new ArrayList<>();
      for (Host h : net.hosts.values()) {
        if (h.names.contains(bare)) {
          ips.addAll(h.ips);
        }
      }
      if (!ips.isEmpty()) {
        return Optional.of(ips);
      }
    }
    return Optional.empty();
  }

  /** The PTR target for {@code ip} ({@code name.network}, dockerd's form), when a sandbox network has it. */
  public synchronized Optional<String> reverse(String sandboxId, InetAddress ip) {
    for (String netId : sandboxes.getOrDefault(sandboxId, Set.of())) {
      Net net = networks.get(netId);
      if (net == null) {
        continue;
      }
      for (Host h : net.hosts.values()) {
        if (h.ips.contains(ip) && !h.names.isEmpty()) {
          return Optional.of(h.names.get(0) + "." + net.name);
        }
      }
    }
    return Optional.empty();
  }

  /** Forwarding is allowed when at least one of the sandbox's networks is not internal. */
  public synchronized boolean canForward(String sandboxId) {
    for (String netId : sandboxes.getOrDefault(sandboxId, Set.of())) {
      Net net = networks.get(netId);
      if (net != null && !net.internal) {
        return true;
      }
    }
    return false;
  }

  private static String norm(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
