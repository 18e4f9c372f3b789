package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OCI {@code root}: the container's root filesystem (already mounted) and whether it is read-only. */
public record Root(
    @JsonProperty("path") String path,
    @JsonProperty("readonly") @JsonInclude(Include.NON_DEFAULT) boolean readonly) {}
