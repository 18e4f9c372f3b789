package dev.berth.storage.volume;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** What {@code <volumes>/<name>/meta.json} holds (dockerd keeps the same in opts.json and its metadata db). */
@JsonIgnoreProperties(ignoreUnknown = true)
record VolumeMeta(
    @JsonProperty("Name") String name,
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Options") Map<String, String> options) {}
