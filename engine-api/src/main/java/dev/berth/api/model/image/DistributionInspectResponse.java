package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response of {@code GET /distribution/{name}/json} (Go {@code registry.DistributionInspect}): the descriptor of
 * the manifest (or index) the registry returned and the platforms it serves ({@code []} if unknown).
 */
public record DistributionInspectResponse(
    @JsonProperty("Descriptor") OciDescriptor descriptor,
    @JsonProperty("Platforms") List<OciPlatform> platforms) {}
