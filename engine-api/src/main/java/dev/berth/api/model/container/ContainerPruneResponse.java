package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response of {@code POST /containers/prune} (Go {@code container.PruneReport}). {@code ContainersDeleted} is
 * {@code null} when nothing was removed, as Go writes a nil slice.
 */
public record ContainerPruneResponse(
    @JsonProperty("ContainersDeleted") List<String> containersDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
