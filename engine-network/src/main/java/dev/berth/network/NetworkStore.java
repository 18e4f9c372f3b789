package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.network.store.JsonFile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Networks, endpoints and sandboxes in one {@code networks.json} (a few KB even with hundreds of containers),
 * replaced atomically on every change. {@code path} null keeps nothing (tests).
 */
final class NetworkStore {
  record State(
      @JsonProperty("Networks") List<Network> networks,
      @JsonProperty("Endpoints") List<Endpoint> endpoints,
      @JsonProperty("Sandboxes") List<Sandbox> sandboxes) {
    State {
      networks = networks == null ? List.of() : List.copyOf(networks);
      endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
      sandboxes = sandboxes == null ? List.of() : List.copyOf(sandboxes);
    }
  }

  private final JsonFile<State> file;

  NetworkStore(Path path) {
    this.file = path == null ? null : new JsonFile<>(path, new TypeReference<State>() {});
  }

  State load() {
    return file == null ? new State(List.of(), List.of(), List.of())
        : file.read().orElse(new State(List.of(), List.of(), List.of()));
  }

  void save(Collection<Network> networks, Collection<Endpoint> endpoints, Collection<Sandbox> sandboxes) {
    if (file != null) {
      file.write(new State(List.copyOf(networks), List.copyOf(endpoints), List.copyOf(sandboxes)));
    }
  }
}
