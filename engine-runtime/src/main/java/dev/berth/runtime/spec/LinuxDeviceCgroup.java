package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A device cgroup rule: {@code allow} is always written; null {@code type}/{@code major}/{@code minor} mean
 * "all" (the runtime reads -1 the same way).
 */
@JsonInclude(Include.NON_NULL)
public record LinuxDeviceCgroup(
    @JsonProperty("allow") boolean allow,
    @JsonProperty("type") String type,
    @JsonProperty("major") Long major,
    @JsonProperty("minor") Long minor,
    @JsonProperty("access") String access) {

  public static LinuxDeviceCgroup allowChar(long major, long minor) {
    return new LinuxDeviceCgroup(true, "c", major, minor, "rwm");
  }
}
