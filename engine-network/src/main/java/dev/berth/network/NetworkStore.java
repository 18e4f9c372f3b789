package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.network.store.JsonFile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import dev.berth.network.ipam.PoolState;

/**
 * Networks, endpoints, sandboxes and IPAM pools in one {@code networks.json} (a few KB even with hundreds of
 * containers), replaced atomically once per operation: on this VM's ext4 each atomic replace costs 7-20 ms, so one
 * write per {@code docker run} matters. {@code path} null keeps nothing (tests).
 */
final class NetworkStore {
  record State(
      @JsonProperty("Networks") List<Network> networks,
      @JsonProperty("Endpoints") List<Endpoint> endpoints,
      @JsonProperty("Sandboxes") List<Sandbox> sandboxes,
      @JsonProperty("Ipam") Map<String, PoolState> ipam) {
    State {
      networks = networks == null ? List.of() : List.copyOf(networks);
      endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
      sandboxes = sandboxes == null ? List.of() : List.copyOf(sandboxes);
      ipam = ipam == null ? Map.of() : Map.copyOf(ipam);
    }
  }

  private final JsonFile<State> file;

  NetworkStore(Path path) {
    this.file = path == null ? null : new JsonFile<>(path, new TypeReference<State>() {});
  }

  State load() {
    State empty = new State(List.of(), List.of(), List.of(), Map.of());
    return file == null ? empty : file.read().orElse(empty);
  }

  void save(Collection<Network> networks, Collection<Endpoint> endpoints, Collection<Sandbox> sandboxes,
      Map<String, PoolState> ipam) {
    if (file != null) {
      file.write(new State(List.copyOf(networks), List.copyOf(endpoints), List.copyOf(sandboxes), ipam));
    }
  }
}
