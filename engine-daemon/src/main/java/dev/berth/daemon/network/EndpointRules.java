package dev.berth.daemon.network;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.EndpointSettings;
import dev.berth.network.Network;
import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.Subnet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * dockerd's checks before a container joins a network ({@code validateEndpointSettings},
 * {@code updateNetworkSettings}), with its messages ({@code runconfig/errors.go}); all are invalid-parameter
 * errors (400).
 */
public final class EndpointRules {
  static final String SHARED = "container sharing network namespace with another container or host cannot be "
      + "connected to any other network";
  static final String CONNECT_HOST = "cannot connect container to host network - container must be created in "
      + "host network mode";
  static final String DISCONNECT_HOST = "cannot disconnect container from host network - container was created "
      + "in host network mode";
  static final String NO_NETWORK = "container cannot be connected to multiple networks with one of the networks "
      + "in private (none) mode";
  static final String IP_UNSUPPORTED = "user specified IP address is supported on user defined networks only";
  static final String ALIAS_UNSUPPORTED = "network-scoped alias is supported only for containers in user defined "
      + "networks";
  private static final Set<String> BUILTIN_MODES = Set.of("default", "bridge", "host", "none");

  private EndpointRules() {}

  /** moby {@code NetworkMode.IsUserDefined}. */
  static boolean isUserDefined(String name) {
    return !BUILTIN_MODES.contains(name) && !name.startsWith("container:");
  }

  /** moby {@code validateEndpointSettings} for {@code docker network connect}. */
  static void validate(Network n, EndpointSettings s) {
    validate(n.name(), n, s);
  }

  /**
   * moby {@code validateNetworkingConfig}, at container create: each endpoint's settings, against its network
   * when that exists already (it may be created before the start).
   */
  public static void validateCreate(Map<String, EndpointSettings> endpoints,
      Function<String, Optional<Network>> lookup) {
    List<String> errs = new ArrayList<>();
    endpoints.forEach((name, s) -> {
      if (s == null) {
        errs.add("invalid config for network " + name + ": EndpointsConfig is nil");
        return;
      }
      try {
        validate(name, lookup.apply(name).orElse(null), s);
      } catch (InvalidParameterException e) {
        errs.add("invalid config for network " + name + ": " + e.getMessage());
      }
    });
    if (!errs.isEmpty()) {
      throw new InvalidParameterException(Cidr.joinErrors(errs));
    }
  }

  /** {@code n} may be null (not created yet): then addresses are not checked against its subnets. */
  private static void validate(String name, Network n, EndpointSettings s) {
    String ip = s.ipamConfig() == null ? null : s.ipamConfig().ipv4Address();
    String ip6 = s.ipamConfig() == null ? null : s.ipamConfig().ipv6Address();
    List<String> errs = new ArrayList<>();
    if (!isUserDefined(name)) {
      if (notEmpty(ip) || notEmpty(ip6)) {
        errs.add(IP_UNSUPPORTED);
      }
      if (s.aliases() != null && !s.aliases().isEmpty()) {
        errs.add(ALIAS_UNSUPPORTED);
      }
    }
    InetAddress v4 = null;
    if (notEmpty(ip)) {
      v4 = ipv4(ip);
      if (v4 == null) {
        errs.add("invalid IPv4 address: " + ip);
      }
    }
    if (notEmpty(ip6) && ipv6(ip6) == null) {
      errs.add("invalid IPv6 address: " + ip6);
    }
    InetAddress v6 = notEmpty(ip6) ? ipv6(ip6) : null;
    if (n != null && isUserDefined(name)) {
      inRange(n, v4, ip, false).ifPresent(errs::add);
      inRange(n, v6, ip6, true).ifPresent(errs::add);
    }
    if (notEmpty(s.macAddress()) && !s.macAddress().matches("(?i)[0-9a-f]{2}([:-])[0-9a-f]{2}(\\1[0-9a-f]{2}){4}")) {
      throw new InvalidParameterException("invalid MAC address " + s.macAddress());
    }
    if (!errs.isEmpty()) {
      throw new InvalidParameterException("invalid endpoint settings:\n" + Cidr.joinErrors(errs));
    }
  }

  /**
   * moby 28 {@code validateEndpointIPAddress}: the address must lie in one of the subnets the user configured for
   * its family (the pool, not the ip-range); subnets taken from the default pools do not count. IPv6 subnets count
   * only on IPv6-enabled networks.
   */
  private static Optional<String> inRange(Network n, InetAddress addr, String literal, boolean ipv6) {
    if (addr == null) {
      return Optional.empty();
    }
    List<Subnet> configured = n.ipam().stream()
        .filter(c -> c.subnet() != null && !c.dynamic() && (!ipv6 || n.enableIpv6()))
        .map(c -> Subnet.parse(c.subnet())).filter(sub -> sub.ipv6() == ipv6).toList();
    if (configured.isEmpty()) {
      return Optional.of(dev.berth.network.EndpointRequest.STATIC_ONLY);
    }
    return configured.stream().anyMatch(sub -> sub.contains(addr)) ? Optional.empty()
        : Optional.of("no configured subnet or ip-range contain the IP address " + literal);
  }

  /**
   * moby {@code updateNetworkSettings}: host and container modes cannot join other networks, {@code none} stays
   * alone. Returns true when the container already has {@code n}.
   */
  static boolean checkConflicts(NetworkContainers.Target c, Network n,
      Function<String, Optional<Network>> lookup) {
    if (!c.networkMode().equals("host") && n.driver().equals("host")) {
      throw new InvalidParameterException(CONNECT_HOST);
    }
    for (String name : c.networks().keySet()) {
      Network sn = lookup.apply(name).orElse(null);
      if (sn == null) {
        continue;
      }
      if (sn.id().equals(n.id())) {
        return true;
      }
      if (sn.driver().equals("host") || n.driver().equals("host")) {
        throw new InvalidParameterException(SHARED);
      }
      if (sn.name().equals(Network.NONE) || n.name().equals(Network.NONE)) {
        throw new InvalidParameterException(NO_NETWORK);
      }
    }
    return false;
  }

  private static InetAddress ipv4(String s) {
    try {
      InetAddress a = Addresses.parse(s);
      return Addresses.isIpv6(a) || a.isAnyLocalAddress() ? null : a;
    } catch (InvalidParameterException e) {
      return null;
    }
  }

  private static InetAddress ipv6(String s) {
    try {
      InetAddress a = Addresses.parse(s);
      return !Addresses.isIpv6(a) || a.isAnyLocalAddress() ? null : a;
    } catch (InvalidParameterException e) {
      return null;
    }
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
