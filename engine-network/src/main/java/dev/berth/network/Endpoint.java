package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.network.portmap.BoundPort;
import java.util.List;

/**
 * A container's attachment to one network, as stored. Addresses are CIDR ({@code 172.18.0.2/16}, {@code
 * fd00::2/64}; the IPv6 pair is null on networks without IPv6); {@code
 * hostInterface} is the bridge-side veth (null for host/none); {@code ports} are the published ports when this is
 * the container's gateway endpoint.
 */
public record Endpoint(
    @JsonProperty("EndpointID") String id,
    @JsonProperty("NetworkID") String networkId,
    @JsonProperty("ContainerID") String containerId,
    @JsonProperty("ContainerName") String containerName,
    @JsonProperty("Interface") String ifName,
    @JsonProperty("HostInterface") String hostInterface,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("IPv4Address") String ipv4Address,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("GatewayEndpoint") boolean gatewayEndpoint,
    @JsonProperty("Aliases") List<String> aliases,
    @JsonProperty("DNSNames") List<String> dnsNames,
    @JsonProperty("Ports") List<BoundPort> ports,
    @JsonProperty("IPv6Address") String ipv6Address,
    @JsonProperty("IPv6Gateway") String ipv6Gateway) {

  public Endpoint {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  /** An endpoint without IPv6 (IPv4-only network, host, none). */
  public Endpoint(String id, String networkId, String containerId, String containerName, String ifName,
      String hostInterface, String macAddress, String ipv4Address, String gateway, boolean gatewayEndpoint,
      List<String> aliases, List<String> dnsNames, List<BoundPort> ports) {
    this(id, networkId, containerId, containerName, ifName, hostInterface, macAddress, ipv4Address, gateway,
        gatewayEndpoint, aliases, dnsNames, ports, null, null);
  }

  /** The address without its prefix length, or null. */
  public String ipv4() {
    return ipv4Address == null ? null : ipv4Address.substring(0, ipv4Address.indexOf('/'));
  }

  public int prefixLength() {
    return ipv4Address == null ? 0 : Integer.parseInt(ipv4Address.substring(ipv4Address.indexOf('/') + 1));
  }

  /** The IPv6 address without its prefix length, or null. */
  public String ipv6() {
    return ipv6Address == null ? null : ipv6Address.substring(0, ipv6Address.indexOf('/'));
  }

  public int ipv6PrefixLength() {
    return ipv6Address == null ? 0 : Integer.parseInt(ipv6Address.substring(ipv6Address.indexOf('/') + 1));
  }

  public Endpoint withPorts(List<BoundPort> newPorts) {
    return new Endpoint(id, networkId, containerId, containerName, ifName, hostInterface, macAddress, ipv4Address,
        gateway, gatewayEndpoint, aliases, dnsNames, newPorts, ipv6Address, ipv6Gateway);
  }
}
