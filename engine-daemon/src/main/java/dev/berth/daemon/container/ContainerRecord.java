package dev.berth.daemon.container;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.NetworkingConfig;
import dev.berth.api.types.MountSpec;
import java.util.List;

/**
 * A container as persisted in {@code <data-root>/containers/<id>/config.json} and published as the read replica
 * (ps and inspect never take the container lock). Immutable: every change makes a new record.
 *
 * @param name with the leading slash, as dockerd stores it
 * @param image the image ID ({@code sha256:…}); {@code config.Image} keeps what the user typed
 * @param rootfs how to mount the container's root filesystem (from storage)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerRecord(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("created") String created,
    @JsonProperty("path") String path,
    @JsonProperty("args") List<String> args,
    @JsonProperty("config") ContainerConfig config,
    @JsonProperty("hostConfig") HostConfig hostConfig,
    @JsonProperty("networkingConfig") NetworkingConfig networkingConfig,
    @JsonProperty("image") String image,
    @JsonProperty("runtime") String runtime,
    @JsonProperty("rootfs") List<MountSpec> rootfs,
    @JsonProperty("state") State state,
    @JsonProperty("restartCount") int restartCount,
    @JsonProperty("manuallyStopped") boolean manuallyStopped,
    @JsonProperty("hasBeenStarted") boolean hasBeenStarted) {

  /** The runtime state part. Times are Go RFC 3339 strings ({@code 0001-01-01T00:00:00Z} when unset). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record State(
      @JsonProperty("status") ContainerStatus status,
      @JsonProperty("pid") int pid,
      @JsonProperty("exitCode") int exitCode,
      @JsonProperty("error") String error,
      @JsonProperty("startedAt") String startedAt,
      @JsonProperty("finishedAt") String finishedAt,
      @JsonProperty("oomKilled") boolean oomKilled) {

    public State withStatus(ContainerStatus s) {
      return new State(s, pid, exitCode, error, startedAt, finishedAt, oomKilled);
    }
  }

  public String shortId() {
    return ContainerIds.shortId(id);
  }

  /** The name without the leading slash, as events and {@code docker ps} show it. */
  public String plainName() {
    return name.startsWith("/") ? name.substring(1) : name;
  }

  public ContainerRecord withState(State s) {
    return new ContainerRecord(id, name, created, path, args, config, hostConfig, networkingConfig, image, runtime,
        rootfs, s, restartCount, manuallyStopped, hasBeenStarted);
  }

  public ContainerRecord withName(String n) {
    return new ContainerRecord(id, n, created, path, args, config, hostConfig, networkingConfig, image, runtime,
        rootfs, state, restartCount, manuallyStopped, hasBeenStarted);
  }

  public ContainerRecord withFlags(int restarts, boolean stopped, boolean started) {
    return new ContainerRecord(id, name, created, path, args, config, hostConfig, networkingConfig, image, runtime,
        rootfs, state, restarts, stopped, started);
  }

  public ContainerRecord withHostConfig(HostConfig h) {
    return new ContainerRecord(id, name, created, path, args, config, h, networkingConfig, image, runtime,
        rootfs, state, restartCount, manuallyStopped, hasBeenStarted);
  }

  public ContainerRecord withNetworkingConfig(NetworkingConfig n) {
    return new ContainerRecord(id, name, created, path, args, config, hostConfig, n, image, runtime,
        rootfs, state, restartCount, manuallyStopped, hasBeenStarted);
  }
}
