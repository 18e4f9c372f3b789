package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code network.EndpointSettings}: one network attachment of a container. The first six fields are
 * the configuration a client sends (create's {@code NetworkingConfig}, {@code POST /networks/{id}/connect}); the
 * rest is operational data the daemon fills in for inspect and list. No field is {@code omitempty}: an
 * unconnected endpoint shows {@code "IPAddress": ""} and {@code "IPAMConfig": null}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record EndpointSettings(
    @JsonProperty("IPAMConfig") EndpointIPAMConfig ipamConfig,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("Aliases") List<String> aliases,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("DriverOpts") Map<String, String> driverOpts,
    @JsonProperty("GwPriority") int gwPriority,
    @JsonProperty("NetworkID") String networkId,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
    @JsonProperty("DNSNames") List<String> dnsNames) {

  /** Just the client-side configuration, operational fields empty (what the CLI sends). */
  public static EndpointSettings config(
      EndpointIPAMConfig ipamConfig, List<String> aliases, List<String> links, Map<String, String> driverOpts) {
    return new EndpointSettings(ipamConfig, links, aliases, "", driverOpts, 0, "", "", "", "", 0, "", "", 0, null);
  }

  /** This endpoint with the daemon-assigned operational fields set (the configuration part kept). */
  public EndpointSettings attached(String networkId, String endpointId, String macAddress, String gateway,
      String ipAddress, int ipPrefixLen, String ipv6Gateway, String globalIpv6Address, int globalIpv6PrefixLen,
      List<String> dnsNames) {
    return new EndpointSettings(ipamConfig, links, aliases, macAddress, driverOpts, gwPriority, networkId,
        endpointId, gateway, ipAddress, ipPrefixLen, ipv6Gateway, globalIpv6Address, globalIpv6PrefixLen, dnsNames);
  }
}
