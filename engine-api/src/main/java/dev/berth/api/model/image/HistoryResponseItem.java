package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One item of {@code GET /images/{name}/history} (Go {@code image.HistoryResponseItem}), newest first.
 * {@code Id} is the image ID for history entries that are images and {@code "<missing>"} otherwise;
 * {@code Created} is unix seconds; {@code Tags} is {@code null} for untagged entries.
 */
public record HistoryResponseItem(
    @JsonProperty("Comment") String comment,
    @JsonProperty("Created") long created,
    @JsonProperty("CreatedBy") String createdBy,
    @JsonProperty("Id") String id,
    @JsonProperty("Size") long size,
    @JsonProperty("Tags") List<String> tags) {

  public static final String MISSING_ID = "<missing>";
}
