package dev.berth.network;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.network.ipam.IpamAllocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory state (networks, endpoints, sandboxes) and its persistence. Not thread-safe: {@link
 * NetworkManager} holds its lock around every use.
 */
final class NetworkTable {
  final Map<String, Network> networks = new LinkedHashMap<>();
  final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
  final Map<String, Sandbox> sandboxes = new LinkedHashMap<>(); // by container ID
  private final NetworkStore store;
  private final IpamAllocator ipam;

  NetworkTable(NetworkStore store, IpamAllocator ipam) {
    this.store = store;
    this.ipam = ipam;
  }

  void load() {
    NetworkStore.State s = store.load();
    s.networks().forEach(n -> networks.put(n.id(), n));
    s.endpoints().forEach(e -> endpoints.put(e.id(), e));
    s.sandboxes().forEach(sb -> sandboxes.put(sb.containerId(), sb));
    if (!s.ipam().isEmpty()) {
      ipam.restore(s.ipam());
    }
  }

  void save() {
    store.save(networks.values(), endpoints.values(), sandboxes.values(), ipam.snapshot());
  }

  /** moby's FindNetwork: full ID, then exact name, then unique ID prefix. */
  Network find(String term) {
    Network byId = networks.get(term);
    if (byId != null) {
      return byId;
    }
    List<Network> byName = networks.values().stream().filter(n -> n.name().equals(term)).toList();
    if (byName.size() == 1) {
      return byName.get(0);
    }
    if (byName.size() > 1) {
      throw new InvalidParameterException("network " + term + " is ambiguous (" + byName.size()
          + " matches found on name)");
    }
    List<Network> byPrefix = term.isEmpty() ? List.of()
        : networks.values().stream().filter(n -> n.id().startsWith(term)).toList();
    if (byPrefix.size() == 1) {
      return byPrefix.get(0);
    }
    if (byPrefix.size() > 1) {
      throw new InvalidParameterException("network " + term + " is ambiguous (" + byPrefix.size()
          + " matches found based on ID prefix)");
    }
    throw new NetworkNotFoundException(term);
  }

  Optional<Network> byName(String name) {
    return networks.values().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  List<Endpoint> endpointsOfNetwork(String networkId) {
    return endpoints.values().stream().filter(e -> e.networkId().equals(networkId)).toList();
  }

  List<Endpoint> endpointsOfContainer(String containerId) {
    return new ArrayList<>(endpoints.values().stream().filter(e -> e.containerId().equals(containerId)).toList());
  }

  Optional<Endpoint> endpoint(String networkId, String containerId) {
    return endpoints.values().stream()
        .filter(e -> e.networkId().equals(networkId) && e.containerId().equals(containerId)).findFirst();
  }
}
