package dev.berth.api.model.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Response of {@code POST /volumes/prune} (Go {@code volume.PruneReport}); dockerd always makes the list, so {@code []}. */
public record VolumePruneResponse(
    @JsonProperty("VolumesDeleted") List<String> volumesDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
