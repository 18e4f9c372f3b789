package dev.berth.daemon.network;

import dev.berth.api.backend.NetworkBackend;
import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.container.EndpointSettings;
import dev.berth.api.model.network.NetworkConnectRequest;
import dev.berth.api.model.network.NetworkCreateRequest;
import dev.berth.api.model.network.NetworkCreateResponse;
import dev.berth.api.model.network.NetworkDisconnectRequest;
import dev.berth.api.model.network.NetworkPruneResponse;
import dev.berth.api.model.network.NetworkResource;
import dev.berth.daemon.events.EventBus;
import dev.berth.network.Endpoint;
import dev.berth.network.EndpointRequest;
import dev.berth.network.Network;
import dev.berth.network.NetworkManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network backend (moby {@code daemon/network.go} + the connect/disconnect half of
 * {@code container_operations.go}) over the network module and the containers; publishes network events.
 */
public final class NetworkService implements NetworkBackend {
  private static final Logger log = LoggerFactory.getLogger(NetworkService.class);

  private final NetworkManager net;
  private final NetworkContainers containers;
  private final EventBus events;

  public NetworkService(NetworkManager net, NetworkContainers containers, EventBus events) {
    this.net = net;
    this.containers = containers;
    this.events = events;
  }

  @Override
  public List<NetworkResource> list(Filters filters) {
    NetworkFilter filter = NetworkFilter.forList(filters);
    List<NetworkResource> out = new ArrayList<>();
    for (Network n : net.list()) {
      if (filter.matches(n, inUse(n))) {
        out.add(NetworkViews.resource(n, Map.of()));
      }
    }
    return out;
  }

  @Override
  public NetworkResource inspect(String term, boolean verbose, String scope) {
    if (scope != null && !scope.isEmpty() && !scope.equals(NetworkViews.LOCAL)) {
      throw new dev.berth.network.NetworkNotFoundException(term);
    }
    Network n = net.get(term);
    return NetworkViews.resource(n, NetworkViews.containers(endpoints(n)));
  }

  @Override
  public NetworkCreateResponse create(NetworkCreateRequest request) {
    Network n = net.create(CreateRequests.toDomain(request));
    event(n, "create", Map.of());
    return NetworkCreateResponse.of(n.id());
  }

  @Override
  public void remove(String term) {
    Network n = net.get(term);
    List<Endpoint> eps = endpoints(n);
    if (!n.isPredefined() && !eps.isEmpty()) {
      throw new ForbiddenException("error while removing network: " + activeEndpoints(n, eps));
    }
    net.remove(n.id());
    event(n, "destroy", Map.of());
  }

  /** libnetwork's {@code ActiveEndpointsError}. */
  static String activeEndpoints(Network n, List<Endpoint> eps) {
    return "network " + n.name() + " has active endpoints (" + eps.stream()
        .map(e -> "name:\"" + e.containerName() + "\" id:\"" + e.id().substring(0, Math.min(12, e.id().length()))
            + "\"")
        .collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public void connect(String term, NetworkConnectRequest request) {
    NetworkContainers.Target c = containers.find(request.container());
    if (c.running() && c.networkMode().startsWith("container:")) {
      throw new InvalidParameterException(EndpointRules.SHARED);
    }
    Network n = net.get(term);
    EndpointSettings s = request.endpointConfig() != null ? request.endpointConfig()
        : EndpointSettings.config(null, null, null, null);
    EndpointRules.validate(n, s);
    boolean already = EndpointRules.checkConflicts(c, n, this::find);
    if (!c.running()) {
      if (!already) {
        containers.record(c.id(), n.name(), s);
      }
      return;
    }
    String ip = s.ipamConfig() == null ? null : s.ipamConfig().ipv4Address();
    String ip6 = s.ipamConfig() == null ? null : s.ipamConfig().ipv6Address();
    Endpoint ep = net.connect(n.id(), c.id(), new EndpointRequest(c.name(), s.aliases(), ip, s.macAddress(), ip6));
    try {
      containers.record(c.id(), n.name(), s);
    } catch (RuntimeException e) {
      net.disconnect(n.id(), c.id());
      throw e;
    }
    hostsChanged(c.id(), addresses(ep), List.of());
    event(n, "connect", Map.of("container", c.id()));
  }

  private static List<String> addresses(Endpoint ep) {
    List<String> out = new java.util.ArrayList<>();
    if (ep.ipv4() != null) {
      out.add(ep.ipv4());
    }
    if (ep.ipv6() != null) {
      out.add(ep.ipv6());
    }
    return out;
  }

  private void hostsChanged(String id, List<String> added, List<String> removed) {
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    try {
      containers.hostsChanged(id, added, removed);
    } catch (RuntimeException e) {
      log.warn("hosts file of {} not updated: {}", id, e.toString());
    }
  }

  @Override
  public void disconnect(String term, NetworkDisconnectRequest request) {
    NetworkContainers.Target c;
    try {
      c = containers.find(request.container());
    } catch (NotFoundException e) {
      if (request.force()) {
        forceEndpointDelete(request.container(), term);
        return;
      }
      throw e;
    }
    Optional<Network> found = find(term);
    if (!c.running() || (found.isEmpty() && request.force())) {
      String name = found.map(Network::name).orElse(term);
      if (!c.networks().containsKey(name)) {
        throw new SystemException("container " + c.id() + " is not connected to the network " + name);
      }
      containers.record(c.id(), name, null);
      return;
    }
    Network n = found.orElseThrow(() -> new dev.berth.network.NetworkNotFoundException(term));
    if (c.networkMode().equals("host") && n.driver().equals("host")) {
      throw new InvalidParameterException(EndpointRules.DISCONNECT_HOST);
    }
    boolean attached = net.endpointsOfContainer(c.id()).stream().anyMatch(e -> e.networkId().equals(n.id()));
    if (!attached) {
      throw new SystemException("container " + c.id() + " is not connected to network " + n.name());
    }
    List<String> gone = net.endpointsOfContainer(c.id()).stream().filter(e -> e.networkId().equals(n.id()))
        .findFirst().map(NetworkService::addresses).orElse(List.of());
    net.disconnect(n.id(), c.id());
    containers.record(c.id(), n.name(), null);
    hostsChanged(c.id(), List.of(), gone);
    event(n, "disconnect", Map.of("container", c.id()));
  }

  /** moby {@code ForceEndpointDelete}: the container is gone, drop its endpoint on the network by name. */
  private void forceEndpointDelete(String containerName, String term) {
    Network n = net.get(term);
    Endpoint ep = endpoints(n).stream().filter(e -> e.containerName().equals(containerName)).findFirst()
        .orElseThrow(() -> new NotFoundException("endpoint " + containerName + " not found"));
    net.disconnect(n.id(), ep.containerId());
    event(n, "disconnect", Map.of("container", ep.containerId()));
  }

  @Override
  public NetworkPruneResponse prune(Filters filters) {
    NetworkFilter filter = NetworkFilter.forPrune(filters);
    Map<String, Network> byName = new HashMap<>();
    net.list().forEach(n -> byName.put(n.name(), n));
    List<String> removed = net.prune(n -> filter.matches(n, false));
    removed.forEach(name -> event(byName.get(name), "destroy", Map.of()));
    events.publish("network", "prune", "", Map.of("reclaimed", "0"));
    return new NetworkPruneResponse(removed.isEmpty() ? null : removed);
  }

  private boolean inUse(Network n) {
    return !endpoints(n).isEmpty();
  }

  private List<Endpoint> endpoints(Network n) {
    try {
      return net.endpoints(n.id());
    } catch (NotFoundException e) {
      return List.of(); // removed meanwhile
    }
  }

  private Optional<Network> find(String term) {
    try {
      return Optional.of(net.get(term));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private void event(Network n, String action, Map<String, String> extra) {
    if (n == null) {
      return;
    }
    Map<String, String> attrs = new HashMap<>(extra);
    attrs.put("name", n.name());
    attrs.put("type", n.driver());
    events.publish("network", action, n.id(), attrs);
  }
}
