package dev.berth.api.model.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Response of {@code POST /volumes/prune} (Go {@code volume.PruneReport}); a nil list is written as {@code null}. */
public record VolumePruneResponse(
    @JsonProperty("VolumesDeleted") List<String> volumesDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
