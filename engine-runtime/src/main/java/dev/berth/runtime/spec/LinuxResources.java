package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OCI {@code linux.resources}: the cgroup settings the runtime applies when it creates the container. */
@JsonInclude(Include.NON_EMPTY)
public record LinuxResources(
    @JsonProperty("devices") List<LinuxDeviceCgroup> devices,
    @JsonProperty("memory") LinuxMemory memory,
    @JsonProperty("cpu") LinuxCpu cpu,
    @JsonProperty("pids") LinuxPids pids,
    @JsonProperty("blockIO") LinuxBlockIo blockIO) {

  public LinuxResources {
    devices = devices == null ? List.of() : List.copyOf(devices);
  }
}
