package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A device node the runtime creates in the container ({@code type} is {@code c}, {@code b} or {@code p}). */
@JsonInclude(Include.NON_NULL)
public record LinuxDevice(
    @JsonProperty("path") String path,
    @JsonProperty("type") String type,
    @JsonProperty("major") long major,
    @JsonProperty("minor") long minor,
    @JsonProperty("fileMode") Integer fileMode,
    @JsonProperty("uid") Integer uid,
    @JsonProperty("gid") Integer gid) {

  public LinuxDevice withPath(String newPath) {
    return new LinuxDevice(newPath, type, major, minor, fileMode, uid, gid);
  }
}
