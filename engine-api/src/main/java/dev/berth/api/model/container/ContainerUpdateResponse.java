package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response of {@code POST /containers/{id}/update} (Go {@code container.UpdateResponse}). Without warnings
 * {@code Warnings} is {@code null}: dockerd's {@code verifyContainerSettings} returns a nil slice.
 */
public record ContainerUpdateResponse(@JsonProperty("Warnings") List<String> warnings) {

  public static ContainerUpdateResponse of(List<String> warnings) {
    return new ContainerUpdateResponse(warnings == null || warnings.isEmpty() ? null : warnings);
  }
}
