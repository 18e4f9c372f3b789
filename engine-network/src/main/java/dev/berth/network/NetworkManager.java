package dev.berth.network;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.network.driver.BridgeDriver;
import dev.berth.network.driver.BridgeOptions;
import dev.berth.network.driver.NetworkDriver;
import dev.berth.network.driver.NullDriver;
import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.Subnet;
import dev.berth.network.portmap.BoundPort;
import dev.berth.network.portmap.PortMapping;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Networks (create, inspect, list, remove, prune) and, through {@link Attachments}, container sandboxes,
 * endpoints, published ports and DNS names, with dockerd's semantics and messages. One lock guards everything;
 * each operation persists networks.json before returning. Call {@link #start} once before anything else.
 */
public final class NetworkManager implements AutoCloseable {
  private final NetworkConfig cfg;
  private final NetworkServices svc;
  private final NetworkTable table;
  private final Map<String, NetworkDriver> drivers = new LinkedHashMap<>();
  private final Attachments attachments;

  public NetworkManager(NetworkConfig cfg, NetworkServices svc) {
    this.cfg = cfg;
    this.svc = svc;
    this.table = new NetworkTable(new NetworkStore(cfg.stateDir() == null ? null
        : cfg.stateDir().resolve("networks.json")), svc.ipam());
    BridgeOptions defaults = new BridgeOptions(null, cfg.icc(), cfg.ipMasq(), cfg.defaultBindIp(), cfg.mtu());
    drivers.put("bridge", new BridgeDriver(svc.links(), svc.firewall(), defaults, svc.sysctl()));
    drivers.put("host", new NullDriver("host", null));
    drivers.put("null", new NullDriver("null", svc.links()));
    this.attachments = new Attachments(cfg, svc, table, drivers);
  }

  /**
   * Loads state, creates the predefined networks, re-creates bridges and rules, keeps the endpoints and sandboxes
   * of {@code liveContainers} (re-publishing their ports and DNS) and removes everything else a previous run left
   * (veths on our bridges, netns files, IP allocations, stale rules). Enables ip_forward when configured.
   */
  public synchronized void start(Set<String> liveContainers) {
    table.load();
    if (cfg.ipForward() && svc.sysctl() != null) {
      svc.sysctl().write("net.ipv4.ip_forward", "1");
    }
    ensurePredefined();
    new Recovery(cfg, svc, table, drivers, attachments).run(liveContainers);
    if (cfg.firewallCheckMillis() > 0) {
      svc.firewall().startWatchdog(cfg.firewallCheckMillis());
    }
  }

  public synchronized Network create(NetworkCreateRequest req) {
    String name = req.name();
    if (name == null || name.isBlank()) {
      throw new InvalidParameterException("network name must not be empty");
    }
    if (name.equals(Network.DEFAULT_BRIDGE) || name.equals(Network.HOST) || name.equals(Network.NONE)) {
      throw new ForbiddenException("operation is not permitted on predefined " + name + " network ");
    }
    if (table.byName(name).isPresent()) {
      throw new ConflictException("network with name " + name + " already exists");
    }
    NetworkDriver driver = drivers.get(req.driver());
    if (driver == null) {
      throw new NotFoundException("plugin \"" + req.driver() + "\" not found");
    }
    if (!driver.name().equals("bridge")) {
      throw new ForbiddenException("only one instance of \"" + req.driver() + "\" network is allowed");
    }
    String id = Ids.id();
    String bridge = req.options().getOrDefault(BridgeOptions.BRIDGE_NAME, "br-" + id.substring(0, 12));
    if (table.networks.values().stream().anyMatch(n -> bridge.equals(n.bridge()))) {
      throw new ForbiddenException("bridge name " + bridge + " is already in use");
    }
    return add(new Network(id, name, "bridge", Instant.now().toString(), req.internal(), req.attachable(),
        req.enableIpv6(), req.ipam(), req.options(), req.labels(), bridge,
        new IpamRequest(req.ipamOptions(), req.ipam())));
  }

  public synchronized Network get(String term) {
    return table.find(term);
  }

  public synchronized List<Network> list() {
    return List.copyOf(table.networks.values());
  }

  /** Endpoints attached to a network (inspect's {@code Containers}). */
  public synchronized List<Endpoint> endpoints(String networkTerm) {
    return table.endpointsOfNetwork(table.find(networkTerm).id());
  }

  public synchronized void remove(String term) {
    Network n = table.find(term);
    if (n.isPredefined()) {
      throw new ForbiddenException(n.name() + " is a pre-defined network and cannot be removed");
    }
    if (!table.endpointsOfNetwork(n.id()).isEmpty()) {
      throw new ForbiddenException("error while removing network: network " + n.name() + " id " + n.id()
          + " has active endpoints");
    }
    drivers.get(n.driver()).deleteNetwork(n);
    for (IpamConfig c : n.ipam()) {
      svc.ipam().removePool(poolId(n, Subnet.parse(c.subnet())));
    }
    table.networks.remove(n.id());
    table.save();
  }

  /** Removes unused user-defined networks accepted by {@code filter}; returns their names. */
  public synchronized List<String> prune(Predicate<Network> filter) {
    List<String> removed = new ArrayList<>();
    for (Network n : List.copyOf(table.networks.values())) {
      if (!n.isPredefined() && filter.test(n) && table.endpointsOfNetwork(n.id()).isEmpty()) {
        remove(n.id());
        removed.add(n.name());
      }
    }
    return removed;
  }

  public synchronized Sandbox createSandbox(String containerId) {
    return attachments.createSandbox(containerId);
  }

  public synchronized Optional<Sandbox> sandbox(String containerId) {
    return Optional.ofNullable(table.sandboxes.get(containerId));
  }

  public synchronized Endpoint connect(String networkTerm, String containerId, EndpointRequest req) {
    return connect(networkTerm, containerId, req, List.of());
  }

  /**
   * {@code docker run}'s path: joins the network and, when this becomes the container's gateway endpoint,
   * publishes {@code ports} in the same operation (one state write). A publish failure undoes the join.
   */
  public synchronized Endpoint connect(String networkTerm, String containerId, EndpointRequest req,
      List<PortMapping> ports) {
    return attachments.connect(table.find(networkTerm), containerId, req, ports);
  }

  public synchronized void disconnect(String networkTerm, String containerId) {
    attachments.disconnect(table.find(networkTerm), containerId);
  }

  /** The container's endpoints, in connection order (inspect's {@code NetworkSettings.Networks}). */
  public synchronized List<Endpoint> endpointsOfContainer(String containerId) {
    return table.endpointsOfContainer(containerId);
  }

  public synchronized List<BoundPort> publish(String containerId, List<PortMapping> mappings) {
    return attachments.publish(containerId, mappings);
  }

  /** Teardown of {@code docker rm}/stop: every endpoint, ports, DNS, then the netns itself. Idempotent. */
  public synchronized void removeSandbox(String containerId) {
    attachments.removeSandbox(containerId);
  }

  /**
   * Legacy links on user-defined networks (libnetwork's endpoint aliases): the embedded DNS answers
   * {@code alias} from this container as it would answer {@code name}. Replaces earlier ones.
   */
  public synchronized void linkAliases(String containerId, Map<String, String> aliasToName) {
    Sandbox sb = table.sandboxes.get(containerId);
    if (sb != null) {
      svc.dnsRegistry().links(sb.id(), aliasToName);
    }
  }

  /** Whether the container's resolv.conf should point at 127.0.0.11. */
  public synchronized boolean usesEmbeddedDns(String containerId) {
    return table.endpointsOfContainer(containerId).stream()
        .anyMatch(e -> table.networks.get(e.networkId()).hasEmbeddedDns());
  }

  /** The default bridge's gateway: what {@code host-gateway} in --add-host resolves to. */
  public synchronized String hostGatewayIp() {
    return table.byName(Network.DEFAULT_BRIDGE).flatMap(n -> n.ipam().stream().findFirst())
        .map(IpamConfig::gateway).orElse(null);
  }

  @Override
  public void close() {
    svc.firewall().close(false);
    svc.dns().close();
    svc.ports().close();
    if (svc.netns() instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception ignored) {
        // shutting down
      }
    }
  }

  static String poolId(Network n, Subnet s) {
    return n.id() + "/" + s;
  }

  private void ensurePredefined() {
    if (table.byName(Network.DEFAULT_BRIDGE).isEmpty()) {
      Map<String, String> opts = new LinkedHashMap<>();
      opts.put("com.docker.network.bridge.default_bridge", "true");
      opts.put(BridgeOptions.ENABLE_ICC, String.valueOf(cfg.icc()));
      opts.put(BridgeOptions.ENABLE_IP_MASQUERADE, String.valueOf(cfg.ipMasq()));
      opts.put(BridgeOptions.HOST_BINDING_IPV4, cfg.defaultBindIp());
      opts.put(BridgeOptions.BRIDGE_NAME, cfg.defaultBridgeName());
      opts.put(BridgeOptions.MTU, String.valueOf(cfg.mtu()));
      List<IpamConfig> ipam = List.of();
      String bip = cfg.bip() != null ? cfg.bip() : existingBridgeAddress(cfg.defaultBridgeName());
      if (bip != null) {
        InetAddress gw = Addresses.parse(bip.substring(0, bip.indexOf('/')));
        Subnet s = Subnet.of(gw, Integer.parseInt(bip.substring(bip.indexOf('/') + 1)));
        ipam = List.of(new IpamConfig(s.toString(), null, Addresses.format(gw)));
      }
      add(new Network(Ids.id(), Network.DEFAULT_BRIDGE, "bridge", Instant.now().toString(), false, false, false,
          ipam, opts, Map.of(), cfg.defaultBridgeName()));
    }
    for (String[] p : new String[][] {{Network.HOST, "host"}, {Network.NONE, "null"}}) {
      if (table.byName(p[0]).isEmpty()) {
        Network n = new Network(Ids.id(), p[0], p[1], Instant.now().toString(), false, false, false, List.of(),
            Map.of(), Map.of(), null);
        table.networks.put(n.id(), n);
      }
    }
    table.save();
  }

  /**
   * The IPv4 address of an existing default bridge (as {@code a.b.c.d/len}), reused as its subnet like dockerd
   * reuses docker0's address, so a new data root does not stack another pool on the same bridge.
   */
  private static String existingBridgeAddress(String bridge) {
    try {
      java.net.NetworkInterface nic = java.net.NetworkInterface.getByName(bridge);
      if (nic == null) {
        return null;
      }
      for (java.net.InterfaceAddress a : nic.getInterfaceAddresses()) {
        if (a.getAddress() instanceof java.net.Inet4Address) {
          return a.getAddress().getHostAddress() + "/" + a.getNetworkPrefixLength();
        }
      }
    } catch (java.net.SocketException e) {
      return null;
    }
    return null;
  }

  /** Allocates the network's pools, creates its plumbing and stores it; undoes the pools on failure. */
  private Network add(Network draft) {
    List<IpamConfig> effective = new Ipam(svc, cfg).assign(draft);
    Network n = new Network(draft.id(), draft.name(), draft.driver(), draft.created(), draft.internal(),
        draft.attachable(), draft.enableIpv6(), effective, draft.options(), draft.labels(), draft.bridge(),
        draft.ipamRequest());
    try {
      drivers.get(n.driver()).createNetwork(n); // undoes its own partial work
    } catch (RuntimeException e) {
      effective.forEach(c -> svc.ipam().removePool(poolId(n, Subnet.parse(c.subnet()))));
      throw e;
    }
    table.networks.put(n.id(), n);
    table.save();
    return n;
  }
}
