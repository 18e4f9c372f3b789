package dev.berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A container's network namespace: {@code key} is the bind-mounted netns file the OCI runtime joins
 * ({@code linux.namespaces[{type: network, path: key}]}), also {@code NetworkSettings.SandboxKey}.
 */
public record Sandbox(
    @JsonProperty("ContainerID") String containerId,
    @JsonProperty("ID") String id,
    @JsonProperty("Key") String key) {}
