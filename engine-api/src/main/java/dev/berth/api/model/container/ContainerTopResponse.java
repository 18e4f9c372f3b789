package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Response of {@code GET /containers/{id}/top}: the {@code ps} header and one row of columns per process. */
public record ContainerTopResponse(
    @JsonProperty("Processes") List<List<String>> processes,
    @JsonProperty("Titles") List<String> titles) {}
