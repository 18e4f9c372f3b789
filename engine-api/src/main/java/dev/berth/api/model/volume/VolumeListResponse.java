package dev.berth.api.model.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response of {@code GET /volumes} (Go {@code volume.ListResponse}). dockerd sends {@code "Volumes": []} and
 * {@code "Warnings": null} when there is nothing to report; {@link #of(List)} does the same.
 */
public record VolumeListResponse(
    @JsonProperty("Volumes") List<Volume> volumes,
    @JsonProperty("Warnings") List<String> warnings) {

  public static VolumeListResponse of(List<Volume> volumes) {
    return new VolumeListResponse(volumes == null ? List.of() : volumes, null);
  }
}
