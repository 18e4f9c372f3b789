package dev.berth.daemon;

import dev.berth.api.model.container.ContainerInspectResponse;
import dev.berth.api.model.container.EndpointSettings;
import dev.berth.daemon.container.ContainerManager;
import dev.berth.daemon.network.NetworkContainers;
import java.util.Map;

/** The containers as the network service sees them (part of the composition root). */
final class NetworkContainersPort implements NetworkContainers {
  private final ContainerManager containers;

  NetworkContainersPort(ContainerManager containers) {
    this.containers = containers;
  }

  @Override
  public Target find(String ref) {
    ContainerInspectResponse c = containers.inspect(ref, false);
    Map<String, EndpointSettings> networks = c.networkSettings() == null
        || c.networkSettings().networks() == null ? Map.of() : c.networkSettings().networks();
    String name = c.name().startsWith("/") ? c.name().substring(1) : c.name();
    return new Target(c.id(), name, c.state().running(), c.hostConfig().networkMode(), networks);
  }

  @Override
  public void record(String containerId, String network, EndpointSettings settings) {
    containers.connected(containerId, network, settings);
  }

  @Override
  public void hostsChanged(String containerId, java.util.List<String> added, java.util.List<String> removed) {
    containers.hostsChanged(containerId, added, removed);
  }
}
