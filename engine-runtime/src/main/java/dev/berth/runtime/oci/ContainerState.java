package dev.berth.runtime.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The OCI state of a container as {@code runtime state} prints it.
 *
 * @param status {@code creating}, {@code created}, {@code running}, {@code paused} or {@code stopped}
 * @param pid the init process's host pid, 0 once stopped
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerState(
    @JsonProperty("ociVersion") String ociVersion,
    @JsonProperty("id") String id,
    @JsonProperty("status") String status,
    @JsonProperty("pid") int pid,
    @JsonProperty("bundle") String bundle,
    @JsonProperty("created") String created) {

  public boolean isRunning() {
    return "running".equals(status);
  }

  public boolean isPaused() {
    return "paused".equals(status);
  }

  public boolean isStopped() {
    return "stopped".equals(status);
  }
}
