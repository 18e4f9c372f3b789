package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One {@code IPAM.Config} entry: subnet, optional {@code --ip-range} and gateway (CIDR/literals, may be null), and
 * the {@code --aux-address} reservations by name (may be null).
 *
 * @param implicitGateway the user gave the subnet but not the gateway, so IPAM chose it: dockerd 28 keeps the
 *     user's config for inspect ({@code buildIPAMResources}) and shows no gateway there (API 1.52 shows it)
 */
public record IpamConfig(
    @JsonProperty("Subnet") String subnet,
    @JsonProperty("IPRange") String ipRange,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("AuxiliaryAddresses") @JsonInclude(Include.NON_EMPTY) Map<String, String> auxAddresses,
    @JsonProperty("ImplicitGateway") @JsonInclude(Include.NON_DEFAULT) boolean implicitGateway) {

  public IpamConfig {
    auxAddresses = auxAddresses == null || auxAddresses.isEmpty() ? null : Map.copyOf(auxAddresses);
  }

  public IpamConfig(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    this(subnet, ipRange, gateway, auxAddresses, false);
  }

  public IpamConfig(String subnet, String ipRange, String gateway) {
    this(subnet, ipRange, gateway, null);
  }

  /** The gateway {@code network inspect} shows: null when IPAM chose it for the user's subnet. */
  public String shownGateway() {
    return implicitGateway ? null : gateway;
  }
}
