package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Response of {@code POST /images/prune} (Go {@code image.PruneReport}); a nil list is written as {@code null}. */
public record ImagePruneResponse(
    @JsonProperty("ImagesDeleted") List<ImageDeleteResponseItem> imagesDeleted,
    @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}
