package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Response of {@code POST /containers/{id}/update} (Go {@code container.UpdateResponse}). */
public record ContainerUpdateResponse(@JsonProperty("Warnings") List<String> warnings) {

  public static ContainerUpdateResponse of(List<String> warnings) {
    return new ContainerUpdateResponse(warnings == null ? List.of() : warnings);
  }
}
