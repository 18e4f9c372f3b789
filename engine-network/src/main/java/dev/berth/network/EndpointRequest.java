package dev.berth.network;

import java.util.List;

/**
 * How a container joins a network: {@code EndpointSettings} of create/connect. {@code ipv4Address} ({@code --ip})
 * and {@code macAddress} may be null; {@code aliases} are network-scoped names (user-defined networks only).
 */
public record EndpointRequest(String containerName, List<String> aliases, String ipv4Address, String macAddress) {
  public EndpointRequest {
    containerName = containerName == null ? "" : containerName.startsWith("/") ? containerName.substring(1)
        : containerName;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    if (ipv4Address != null && ipv4Address.isEmpty()) {
      ipv4Address = null;
    }
    if (macAddress != null && macAddress.isEmpty()) {
      macAddress = null;
    }
  }

  public static EndpointRequest of(String containerName) {
    return new EndpointRequest(containerName, List.of(), null, null);
  }
}
