package dev.berth.storage.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of an image config's {@code history} (Go's omitempty on every field). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(Include.NON_EMPTY)
public record HistoryEntry(
    @JsonProperty("created") String created,
    @JsonProperty("author") String author,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("comment") String comment,
    @JsonProperty("empty_layer") @JsonInclude(Include.NON_DEFAULT) boolean emptyLayer) {}
