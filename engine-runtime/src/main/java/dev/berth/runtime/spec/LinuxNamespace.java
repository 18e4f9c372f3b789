package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An OCI namespace entry: {@code type} is one of {@code mount, network, uts, pid, ipc, cgroup, user}; a
 * {@code path} joins an existing namespace, no path creates a new one.
 */
@JsonInclude(Include.NON_EMPTY)
public record LinuxNamespace(@JsonProperty("type") String type, @JsonProperty("path") String path) {
  public static LinuxNamespace fresh(String type) {
    return new LinuxNamespace(type, null);
  }
}
