package dev.berth.runtime.monitor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line conmon writes to its sync pipe ({@code --api-version 1}): {@code {"data": <pid or exit code>}}, or
 * {@code {"data": -1, "message": "<runtime stderr>"}} when the runtime failed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SyncMessage(@JsonProperty("data") int data, @JsonProperty("message") String message) {
  boolean isFailure() {
    return data < 0;
  }
}
