package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OCI {@code linux.resources.memory}; null fields are left to the runtime/kernel defaults. */
@JsonInclude(Include.NON_NULL)
public record LinuxMemory(
    @JsonProperty("limit") Long limit,
    @JsonProperty("reservation") Long reservation,
    @JsonProperty("swap") Long swap,
    @JsonProperty("swappiness") Long swappiness,
    @JsonProperty("disableOOMKiller") Boolean disableOomKiller) {

  boolean isEmpty() {
    return limit == null && reservation == null && swap == null && swappiness == null && disableOomKiller == null;
  }
}
