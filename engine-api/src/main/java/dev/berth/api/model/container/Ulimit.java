package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** go-units' {@code Ulimit} ({@code --ulimit nofile=soft:hard}); -1 means unlimited. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record Ulimit(
    @JsonProperty("Name") String name,
    @JsonProperty("Hard") long hard,
    @JsonProperty("Soft") long soft) {}
