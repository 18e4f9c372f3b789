package dev.berth.storage.distribution;

import dev.berth.storage.distribution.manifest.Descriptor;

/**
 * A registry blob known to hold a layer (moby's {@code V2Metadata}): a repository of the registry being pushed to
 * received or served it, compressed as {@code blob} says.
 *
 * @param blob the registry blob (media type, digest, size) as it was pulled or pushed
 * @param repository its repository path on that registry ({@code library/busybox})
 */
public record KnownBlob(Descriptor blob, String repository) {}
