package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One {@code IPAM.Config} entry: subnet, optional {@code --ip-range} and gateway (CIDR/literals, may be null), and
 * the {@code --aux-address} reservations by name (may be null). {@code dynamic}: the subnet came from the default
 * pools, not from the user (libnetwork's non-static subnet: no {@code --ip}/{@code --ip6} on it).
 */
public record IpamConfig(
    @JsonProperty("Subnet") String subnet,
    @JsonProperty("IPRange") String ipRange,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("AuxiliaryAddresses") @JsonInclude(Include.NON_EMPTY) Map<String, String> auxAddresses,
    @JsonProperty("Dynamic") @JsonInclude(Include.NON_DEFAULT) boolean dynamic) {

  public IpamConfig {
    auxAddresses = auxAddresses == null || auxAddresses.isEmpty() ? null : Map.copyOf(auxAddresses);
  }

  public IpamConfig(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    this(subnet, ipRange, gateway, auxAddresses, false);
  }

  public IpamConfig(String subnet, String ipRange, String gateway) {
    this(subnet, ipRange, gateway, null, false);
  }
}
