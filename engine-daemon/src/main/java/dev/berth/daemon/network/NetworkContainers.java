package dev.berth.daemon.network;

import dev.berth.api.model.container.EndpointSettings;
import java.util.Map;

/**
 * What network operations need from the containers: find one (dockerd's reference rules and "No such container"
 * error), and record a connect/disconnect in its persisted endpoint configuration.
 */
public interface NetworkContainers {

  /**
   * A container as {@code docker network connect/disconnect} sees it.
   *
   * @param name without the leading slash
   * @param networkMode {@code HostConfig.NetworkMode} ({@code bridge}, a network name, {@code host}, {@code none},
   *     {@code container:<x>})
   * @param networks the networks it is attached to (running) or will join at start (stopped), by name
   */
  record Target(String id, String name, boolean running, String networkMode,
      Map<String, EndpointSettings> networks) {}

  Target find(String ref);

  /** Stores {@code settings} as the container's endpoint configuration for {@code network}; null removes it. */
  void record(String containerId, String network, EndpointSettings settings);

  /** A running container joined or left a network: its /etc/hosts gains or loses its own lines for those IPs. */
  void hostsChanged(String containerId, java.util.List<String> added, java.util.List<String> removed);
}
