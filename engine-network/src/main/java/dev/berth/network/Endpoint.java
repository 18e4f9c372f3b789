package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.network.portmap.BoundPort;
import java.util.List;

/**
 * A container's attachment to one network, as stored. Addresses are CIDR ({@code 172.18.0.2/16}); {@code
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
    @JsonProperty("Ports") List<BoundPort> ports) {

  public Endpoint {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  /** The address without its prefix length, or null. */
  public String ipv4() {
    return ipv4Address == null ? null : ipv4Address.substring(0, ipv4Address.indexOf('/'));
  }

  public int prefixLength() {
    return ipv4Address == null ? 0 : Integer.parseInt(ipv4Address.substring(ipv4Address.indexOf('/') + 1));
  }

  public Endpoint withPorts(List<BoundPort> newPorts) {
    return new Endpoint(id, networkId, containerId, containerName, ifName, hostInterface, macAddress, ipv4Address,
        gateway, gatewayEndpoint, aliases, dnsNames, newPorts);
  }
}
