package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Response of {@code POST /containers/{id}/wait} (Go {@code container.WaitResponse}): {@code Error} is omitted
 * unless waiting itself failed, and its {@code Message} is {@code omitempty} too.
 */
public record ContainerWaitResponse(
    @JsonProperty("Error") @JsonInclude(Include.NON_NULL) WaitExitError error,
    @JsonProperty("StatusCode") long statusCode) {

  public record WaitExitError(@JsonProperty("Message") @JsonInclude(Include.NON_EMPTY) String message) {}

  public static ContainerWaitResponse exited(long statusCode) {
    return new ContainerWaitResponse(null, statusCode);
  }

  public static ContainerWaitResponse failed(long statusCode, String message) {
    return new ContainerWaitResponse(new WaitExitError(message), statusCode);
  }
}
