package dev.berth.storage.image;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code image inspect} needs beyond the config: references, sizes, metadata and the storage driver's view.
 * The daemon turns it into the wire {@code InspectResponse}; {@code image().config()} has the config fields.
 */
public record ImageDetails(
    Image image,
    List<String> repoTags,
    List<String> repoDigests,
    String parent,
    long size,
    Optional<Instant> lastTagTime,
    String graphDriverName,
    Map<String, String> graphDriverData) {}
