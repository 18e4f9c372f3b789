package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One pool of a network's IPAM (Go {@code network.IPAMConfig}, swagger {@code IPAMConfig}); all
 * {@code omitempty}. Go names the auxiliary-address map {@code AuxAddress} but writes it as
 * {@code AuxiliaryAddresses}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record IpamConfig(
    @JsonProperty("Subnet") @JsonInclude(Include.NON_EMPTY) String subnet,
    @JsonProperty("IPRange") @JsonInclude(Include.NON_EMPTY) String ipRange,
    @JsonProperty("Gateway") @JsonInclude(Include.NON_EMPTY) String gateway,
    @JsonProperty("AuxiliaryAddresses") @JsonInclude(Include.NON_EMPTY) Map<String, String> auxiliaryAddresses) {

  public static IpamConfig of(String subnet, String gateway) {
    return new IpamConfig(subnet, null, gateway, null);
  }
}
