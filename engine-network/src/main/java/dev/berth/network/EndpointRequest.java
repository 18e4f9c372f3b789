package dev.berth.network;

import java.util.List;

/**
 * How a container joins a network: {@code EndpointSettings} of create/connect. {@code ipv4Address} ({@code --ip}),
 * {@code ipv6Address} ({@code --ip6}) and {@code macAddress} may be null; {@code aliases} are network-scoped names
 * (user-defined networks only).
 */
public record EndpointRequest(String containerName, List<String> aliases, String ipv4Address, String macAddress,
    String ipv6Address) {
  /** dockerd 28's refusal of {@code --ip}/{@code --ip6} on a family without a user-configured subnet. */
  public static final String STATIC_ONLY = "user specified IP address is supported only when connecting to "
      + "networks with user configured subnets";

  public EndpointRequest {
    containerName = containerName == null ? "" : containerName.startsWith("/") ? containerName.substring(1)
        : containerName;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ipv4Address = emptyToNull(ipv4Address);
    macAddress = emptyToNull(macAddress);
    ipv6Address = emptyToNull(ipv6Address);
  }

  public EndpointRequest(String containerName, List<String> aliases, String ipv4Address, String macAddress) {
    this(containerName, aliases, ipv4Address, macAddress, null);
  }

  public static EndpointRequest of(String containerName) {
    return new EndpointRequest(containerName, List.of(), null, null, null);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
