package dev.berth.daemon.container;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.EndpointSettings;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.NetworkSettings;
import dev.berth.api.model.container.PortBinding;
import dev.berth.network.Endpoint;
import dev.berth.network.EndpointRequest;
import dev.berth.network.NetworkManager;
import dev.berth.network.Sandbox;
import dev.berth.network.dns.HostsFile;
import dev.berth.network.dns.ResolvConf;
import dev.berth.network.portmap.BoundPort;
import dev.berth.network.portmap.PortMapping;
import dev.berth.runtime.spec.NamespaceMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's networking semantics for one container over the network module: {@code NetworkMode} (bridge, a user
 * network, host, none, {@code container:<x>}), port publishing, the network files, and the wire
 * {@code NetworkSettings}.
 */
final class ContainerNetworking {
  private final NetworkManager net;
  private final dev.berth.daemon.events.EventBus events;

  ContainerNetworking(NetworkManager net, dev.berth.daemon.events.EventBus events) {
    this.net = net;
    this.events = events;
  }

  static String mode(HostConfig h) {
    String m = h.networkMode();
    return m == null || m.isEmpty() || m.equals("default") ? "bridge" : m;
  }

  /**
   * Sets up the container's networking before its start and writes its network files.
   *
   * @param joined for {@code container:<x>} modes, the other container (must be running)
   * @param links the default bridge's linked containers: lines of /etc/hosts
   * @return the network namespace the runtime must use
   */
  NamespaceMode attach(ContainerRecord r, Path containerDir, ContainerRecord joined, List<LegacyLinks.Child> links)
      throws IOException {
    HostConfig h = r.hostConfig();
    ContainerConfig c = r.config();
    String mode = mode(h);
    List<String> extra = new ArrayList<>(h.extraHosts() == null ? List.of() : h.extraHosts());
    links.forEach(l -> extra.add(l.hostsEntry()));
    ResolvConf.Host host = ResolvConf.Host.parse(readOr(Path.of("/etc/resolv.conf")));
    ResolvConf.Overrides overrides = new ResolvConf.Overrides(nz(h.dns()), nz(h.dnsSearch()), nz(h.dnsOptions()));
    Files.createDirectories(containerDir);
    if (mode.equals("host")) {
      announce("connect", r.id(), List.of(net.connect("host", r.id(), EndpointRequest.of(r.plainName()))));
      Files.writeString(containerDir.resolve("hostname"), c.hostname() + "\n");
      Files.copy(Path.of("/etc/hosts"), containerDir.resolve("hosts"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(containerDir.resolve("resolv.conf"), readOr(Path.of("/etc/resolv.conf")));
      return NamespaceMode.host();
    }
    if (mode.startsWith("container:")) {
      if (joined == null || !joined.state().status().isRunning()) {
        throw new ConflictException("cannot join network namespace of a non running container: "
            + mode.substring("container:".length()));
      }
      Path other = containerDir.getParent().resolve(joined.id());
      for (String f : List.of("hostname", "hosts", "resolv.conf")) {
        Files.copy(other.resolve(f), containerDir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
      return net.sandbox(joined.id()).map(sb -> NamespaceMode.path(sb.key()))
          .orElse(NamespaceMode.container(joined.state().pid(), "net"));
    }
    Sandbox sb = net.createSandbox(r.id());
    try {
      List<String> ips = new ArrayList<>();
      if (mode.equals("none")) {
        announce("connect", r.id(), List.of(net.connect("none", r.id(), EndpointRequest.of(r.plainName()))));
      } else {
        Map<String, EndpointSettings> eps = r.networkingConfig() == null
            || r.networkingConfig().endpointsConfig() == null ? Map.of() : r.networkingConfig().endpointsConfig();
        List<Endpoint> all = new ArrayList<>();
        List<String> names = recorded(r, mode);
        for (String name : names.isEmpty() ? List.of(mode) : names) { // none left: dockerd would give only lo
          if (all.stream().anyMatch(x -> x.networkId().equals(name) || networkName(x.networkId()).equals(name))) {
            continue;
          }
          // the first network is the gateway endpoint: it carries the published ports
          Endpoint ep = all.isEmpty() ? net.connect(name, r.id(), request(r, eps.get(name)), ports(h, c))
              : net.connect(name, r.id(), request(r, eps.get(name)));
          if (ep.ipv4() != null) {
            ips.add(ep.ipv4());
          }
          if (ep.ipv6() != null) {
            ips.add(ep.ipv6());
          }
          all.add(ep);
        }
        net.linkAliases(r.id(), linkAliases(eps));
        announce("connect", r.id(), all);
      }
      Files.writeString(containerDir.resolve("hostname"), c.hostname() + "\n");
      Files.writeString(containerDir.resolve("hosts"),
          HostsFile.render(ips, c.hostname(), c.domainname(), extra, net.hostGatewayIp(), true));
      Files.writeString(containerDir.resolve("resolv.conf"), net.usesEmbeddedDns(r.id())
          ? ResolvConf.internal(host, overrides) : ResolvConf.legacy(host, overrides, false));
      return NamespaceMode.path(sb.key());
    } catch (RuntimeException | IOException e) {
      net.removeSandbox(r.id());
      throw e;
    }
  }

  /**
   * Rewrites the running container's hosts file in place (it is bind-mounted: same inode) after a network
   * connect or disconnect. Host-network and shared-namespace containers keep theirs.
   */
  void hostsChanged(ContainerRecord r, Path containerDir, List<String> added, List<String> removed) {
    String mode = mode(r.hostConfig());
    if (mode.equals("host") || mode.startsWith("container:")) {
      return;
    }
    Path hosts = containerDir.resolve("hosts");
    try {
      String updated = HostsFile.update(readOr(hosts), added, removed, r.config().hostname(),
          r.config().domainname());
      Files.writeString(hosts, updated);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot update the hosts file of " + r.id(), e);
    }
  }

  /** The container's address on the default bridge, or null (the child side of a legacy link). */
  String defaultBridgeIp(String containerId) {
    for (Endpoint ep : net.endpointsOfContainer(containerId)) {
      try {
        if (net.get(ep.networkId()).isDefaultBridge()) {
          return ep.ipv4();
        }
      } catch (RuntimeException e) {
        // the network went away meanwhile
      }
    }
    return null;
  }

  /**
   * After a daemon restart with the container still running: the embedded DNS keeps link aliases in memory only,
   * so they are given to it again from the container's endpoint settings.
   */
  void restoreLinkAliases(ContainerRecord r) {
    Map<String, EndpointSettings> eps = r.networkingConfig() == null
        || r.networkingConfig().endpointsConfig() == null ? Map.of() : r.networkingConfig().endpointsConfig();
    Map<String, String> aliases = linkAliases(eps);
    if (!aliases.isEmpty()) {
      net.linkAliases(r.id(), aliases);
    }
  }

  /** Links on user-defined networks (their {@code EndpointsConfig.Links}): alias → container, for the DNS. */
  private static Map<String, String> linkAliases(Map<String, EndpointSettings> eps) {
    Map<String, String> out = new LinkedHashMap<>();
    eps.values().forEach(s -> {
      for (String l : s == null || s.links() == null ? List.<String>of() : s.links()) {
        Links.Link link = Links.parse(l);
        out.putIfAbsent(link.alias(), link.name());
      }
    });
    return out;
  }

  /** dockerd's create-time check of {@code NetworkingConfig} (networks that do not exist yet are fine). */
  void validate(dev.berth.api.model.container.NetworkingConfig nc) {
    if (nc == null || nc.endpointsConfig() == null) {
      return;
    }
    dev.berth.daemon.network.EndpointRules.validateCreate(nc.endpointsConfig(), name -> {
      try {
        return java.util.Optional.of(net.get(name));
      } catch (RuntimeException e) {
        return java.util.Optional.empty();
      }
    });
  }

  /**
   * dockerd's {@code NetworkSettings.Networks} of a container that is not running: the networks recorded for it
   * (create's {@code EndpointsConfig}, then {@code network connect/disconnect}), the {@code NetworkMode} network
   * first. Records without a {@code NetworkingConfig} (older ones) have just their {@code NetworkMode} network.
   */
  static List<String> recorded(ContainerRecord r, String mode) {
    if (r.networkingConfig() == null || r.networkingConfig().endpointsConfig() == null) {
      return List.of(mode);
    }
    Map<String, EndpointSettings> recorded = r.networkingConfig().endpointsConfig();
    List<String> names = new ArrayList<>();
    if (recorded.containsKey(mode)) {
      names.add(mode);
    }
    for (String k : recorded.keySet()) {
      if (!k.equals(mode) && !k.startsWith("container:") && !k.equals("default")) {
        names.add(k);
      }
    }
    return names;
  }

  /** Tears the container's networking down (safe to call twice, and for containers without any). */
  void detach(String containerId) {
    List<Endpoint> eps = net.endpointsOfContainer(containerId);
    net.removeSandbox(containerId);
    announce("disconnect", containerId, eps);
  }

  /**
   * What dockerd keeps of a run's endpoints once the container stops (moby {@code cleanOperationalData} clears
   * only addresses, MAC and endpoint ID): each network's ID and DNS names, into the recorded configuration.
   */
  ContainerRecord remember(ContainerRecord r) {
    List<Endpoint> eps = net.endpointsOfContainer(r.id());
    if (eps.isEmpty() || mode(r.hostConfig()).startsWith("container:")) {
      return r;
    }
    Map<String, EndpointSettings> kept = new LinkedHashMap<>();
    if (r.networkingConfig() != null && r.networkingConfig().endpointsConfig() != null) {
      kept.putAll(r.networkingConfig().endpointsConfig());
    }
    for (Endpoint ep : eps) {
      String name = networkName(ep.networkId());
      EndpointSettings cfg = configured(r, name);
      kept.put(name, cfg.attached(ep.networkId(), "", nn(cfg.macAddress()), "", "", 0, "", "", 0,
          dnsNames(ep)));
    }
    return r.withNetworkingConfig(new dev.berth.api.model.container.NetworkingConfig(kept));
  }

  /** moby sets {@code DNSNames} on user-defined networks only: null elsewhere. */
  private static List<String> dnsNames(Endpoint ep) {
    return ep.dnsNames().isEmpty() ? null : ep.dnsNames();
  }

  /** dockerd's network connect/disconnect events for the container's endpoints (start and stop). */
  private void announce(String action, String containerId, List<Endpoint> eps) {
    for (Endpoint ep : eps) {
      try {
        dev.berth.network.Network n = net.get(ep.networkId());
        events.publish("network", action, n.id(), Map.of("container", containerId, "name", n.name(),
            "type", n.driver()));
      } catch (RuntimeException e) {
        // the network went away meanwhile: no event
      }
    }
  }

  private static EndpointRequest request(ContainerRecord r, EndpointSettings s) {
    if (s == null) {
      return EndpointRequest.of(r.plainName());
    }
    String ip = s.ipamConfig() == null ? null : emptyToNull(s.ipamConfig().ipv4Address());
    String ip6 = s.ipamConfig() == null ? null : emptyToNull(s.ipamConfig().ipv6Address());
    return new EndpointRequest(r.plainName(), nz(s.aliases()), ip, emptyToNull(s.macAddress()), ip6);
  }

  static List<PortMapping> ports(HostConfig h, ContainerConfig c) {
    List<PortMapping> out = new ArrayList<>();
    Map<String, List<PortBinding>> bindings = h.portBindings() == null ? Map.of() : h.portBindings();
    bindings.forEach((port, list) -> {
      if (list == null || list.isEmpty()) {
        out.add(PortMapping.of(port, "", ""));
      } else {
        for (PortBinding b : list) {
          out.add(PortMapping.of(port, b.hostIp(), b.hostPort()));
        }
      }
    });
    if (h.publishAllPorts() && c.exposedPorts() != null) {
      for (String port : c.exposedPorts().keySet()) {
        if (!bindings.containsKey(port)) {
          out.add(PortMapping.of(port, "", ""));
        }
      }
    }
    return out;
  }

  /** The wire {@code NetworkSettings}: endpoints by network name, published ports, sandbox. */
  NetworkSettings settings(ContainerRecord r) {
    boolean running = r.state().status().isRunning();
    Map<String, EndpointSettings> networks = new LinkedHashMap<>();
    Map<String, List<PortBinding>> ports = new LinkedHashMap<>();
    String sandboxKey = "";
    String sandboxId = "";
    if (running) {
      sandboxKey = net.sandbox(r.id()).map(Sandbox::key).orElse("");
      sandboxId = net.sandbox(r.id()).map(Sandbox::id).orElse("");
      for (Endpoint ep : net.endpointsOfContainer(r.id())) {
        String name = networkName(ep.networkId());
        EndpointSettings cfg = configured(r, name);
        networks.put(name, cfg.attached(ep.networkId(), ep.id(), nn(ep.macAddress()), nn(ep.gateway()),
            nn(ep.ipv4()), ep.prefixLength(), nn(ep.ipv6Gateway()), nn(ep.ipv6()), ep.ipv6PrefixLength(),
            dnsNames(ep)));
        for (BoundPort p : ep.ports()) {
          ports.computeIfAbsent(p.containerPort() + "/" + p.proto(), k -> new ArrayList<>())
              .add(PortBinding.of(p.hostIp(), p.hostPort()));
        }
      }
      if (r.config().exposedPorts() != null) {
        for (String p : r.config().exposedPorts().keySet()) {
          ports.putIfAbsent(p, null);
        }
      }
    } else {
      String mode = mode(r.hostConfig());
      if (!mode.startsWith("container:")) {
        for (String name : recorded(r, mode)) {
          networks.put(name, configured(r, name));
        }
      }
    }
    return NetworkSettings.of(sandboxId, sandboxKey, ports, networks);
  }

  private String networkName(String networkId) {
    try {
      return net.get(networkId).name();
    } catch (RuntimeException e) {
      return networkId;
    }
  }

  private static EndpointSettings configured(ContainerRecord r, String network) {
    EndpointSettings s = r.networkingConfig() == null || r.networkingConfig().endpointsConfig() == null
        ? null : r.networkingConfig().endpointsConfig().get(network);
    return s != null ? s : EndpointSettings.config(null, null, null, null);
  }

  private static String readOr(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }

  private static <T> List<T> nz(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static String nn(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
