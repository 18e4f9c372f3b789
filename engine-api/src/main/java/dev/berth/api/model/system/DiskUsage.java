package dev.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response of {@code GET /system/df}. The item lists carry the same wire records as the list endpoints
 * ({@code ImageSummary}, {@code ContainerSummary}, {@code Volume}, {@code BuildCache}); until those modules fill
 * them they are empty lists, never omitted.
 */
public record DiskUsage(
    @JsonProperty("LayersSize") long layersSize,
    @JsonProperty("Images") List<?> images,
    @JsonProperty("Containers") List<?> containers,
    @JsonProperty("Volumes") List<?> volumes,
    @JsonProperty("BuildCache") List<?> buildCache) {}
