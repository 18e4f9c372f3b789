package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OCI {@code process.consoleSize} (Docker's {@code ConsoleSize [height, width]}). */
public record ConsoleSize(@JsonProperty("height") int height, @JsonProperty("width") int width) {}
