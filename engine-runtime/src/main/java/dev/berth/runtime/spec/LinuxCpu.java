package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OCI {@code linux.resources.cpu}: CFS shares/quota/period, RT budget and cpuset. */
@JsonInclude(Include.NON_EMPTY)
public record LinuxCpu(
    @JsonProperty("shares") Long shares,
    @JsonProperty("quota") Long quota,
    @JsonProperty("period") Long period,
    @JsonProperty("realtimeRuntime") Long realtimeRuntime,
    @JsonProperty("realtimePeriod") Long realtimePeriod,
    @JsonProperty("cpus") String cpus,
    @JsonProperty("mems") String mems) {

  boolean isEmpty() {
    return shares == null && quota == null && period == null && realtimeRuntime == null && realtimePeriod == null
        && (cpus == null || cpus.isEmpty()) && (mems == null || mems.isEmpty());
  }
}
