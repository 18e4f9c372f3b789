package dev.berth.network.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One pool as persisted: its shape, the addresses handed out and the serial cursor. */
public record PoolState(
    @JsonProperty("Subnet") String subnet,
    @JsonProperty("Range") String range,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("Allocated") List<String> allocated,
    @JsonProperty("Next") int next) {}
