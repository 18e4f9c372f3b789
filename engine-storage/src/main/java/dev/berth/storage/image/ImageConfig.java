package dev.berth.storage.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.container.ContainerConfig;
import java.util.List;

/**
 * Docker's image JSON ({@code image.Image}: the V1Image fields plus {@code rootfs} and {@code history}); also reads
 * OCI image configs. Used to create configs (import, commit) and to read received ones; the image ID is always
 * the hash of the bytes as stored, never of a re-serialisation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfig(
    @JsonProperty("parent") @JsonInclude(Include.NON_EMPTY) String parent,
    @JsonProperty("comment") @JsonInclude(Include.NON_EMPTY) String comment,
    @JsonProperty("created") @JsonInclude(Include.NON_NULL) String created,
    @JsonProperty("container") @JsonInclude(Include.NON_EMPTY) String container,
    @JsonProperty("container_config") @JsonInclude(Include.NON_NULL) ContainerConfig containerConfig,
    @JsonProperty("docker_version") @JsonInclude(Include.NON_EMPTY) String dockerVersion,
    @JsonProperty("author") @JsonInclude(Include.NON_EMPTY) String author,
    @JsonProperty("config") @JsonInclude(Include.NON_NULL) ContainerConfig config,
    @JsonProperty("architecture") @JsonInclude(Include.NON_EMPTY) String architecture,
    @JsonProperty("variant") @JsonInclude(Include.NON_EMPTY) String variant,
    @JsonProperty("os") @JsonInclude(Include.NON_EMPTY) String os,
    @JsonProperty("rootfs") @JsonInclude(Include.NON_NULL) RootFs rootfs,
    @JsonProperty("history") @JsonInclude(Include.NON_EMPTY) List<HistoryEntry> history,
    @JsonProperty("os.version") @JsonInclude(Include.NON_EMPTY) String osVersion) {}
