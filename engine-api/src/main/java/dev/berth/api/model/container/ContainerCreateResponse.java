package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response of {@code POST /containers/create} (Go {@code container.CreateResponse}). dockerd sends
 * {@code "Warnings": []} when there are none; {@link #of(String)} does the same.
 */
public record ContainerCreateResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Warnings") List<String> warnings) {

  public static ContainerCreateResponse of(String id) {
    return new ContainerCreateResponse(id, List.of());
  }
}
