package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One {@code IPAM.Config} entry: subnet, optional {@code --ip-range} and gateway (CIDR/literals, may be null). */
public record IpamConfig(
    @JsonProperty("Subnet") String subnet,
    @JsonProperty("IPRange") String ipRange,
    @JsonProperty("Gateway") String gateway) {}
