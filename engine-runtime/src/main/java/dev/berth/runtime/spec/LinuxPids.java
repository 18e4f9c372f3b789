package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OCI {@code linux.resources.pids}; {@code -1} means unlimited. */
public record LinuxPids(@JsonProperty("limit") long limit) {}
