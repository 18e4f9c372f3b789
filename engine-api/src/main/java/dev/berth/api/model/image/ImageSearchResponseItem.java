package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of {@code GET /images/search} (Go {@code registry.SearchResult}), snake_case as the registry's
 * search API. {@code is_automated} is deprecated and always false, but still written.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageSearchResponseItem(
    @JsonProperty("star_count") int starCount,
    @JsonProperty("is_official") boolean official,
    @JsonProperty("name") String name,
    @JsonProperty("is_automated") boolean automated,
    @JsonProperty("description") String description) {}
