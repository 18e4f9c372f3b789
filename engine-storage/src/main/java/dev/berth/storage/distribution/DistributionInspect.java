package dev.berth.storage.distribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.Platform;
import java.util.List;

/** The body of {@code GET /distribution/{name}/json}: the manifest's descriptor and the platforms it offers. */
public record DistributionInspect(
    @JsonProperty("Descriptor") Descriptor descriptor,
    @JsonProperty("Platforms") List<Platform> platforms) {}
