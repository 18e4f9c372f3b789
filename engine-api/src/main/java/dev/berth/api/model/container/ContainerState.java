package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Docker's {@code container.State} (swagger {@code ContainerState}): {@code State} of inspect. {@code Status}
 * is one of {@code created}, {@code running}, {@code paused}, {@code restarting}, {@code removing},
 * {@code exited} or {@code dead}. {@code StartedAt}/{@code FinishedAt} are RFC 3339 nano strings and
 * {@code "0001-01-01T00:00:00Z"} for "never" ({@code GoTime.ZERO}). {@code Health} is omitted without a
 * healthcheck.
 */
public record ContainerState(
    @JsonProperty("Status") String status,
    @JsonProperty("Running") boolean running,
    @JsonProperty("Paused") boolean paused,
    @JsonProperty("Restarting") boolean restarting,
    @JsonProperty("OOMKilled") boolean oomKilled,
    @JsonProperty("Dead") boolean dead,
    @JsonProperty("Pid") int pid,
    @JsonProperty("ExitCode") int exitCode,
    @JsonProperty("Error") String error,
    @JsonProperty("StartedAt") String startedAt,
    @JsonProperty("FinishedAt") String finishedAt,
    @JsonProperty("Health") @JsonInclude(Include.NON_NULL) Health health) {

  public static final String CREATED = "created";
  public static final String RUNNING = "running";
  public static final String PAUSED = "paused";
  public static final String RESTARTING = "restarting";
  public static final String REMOVING = "removing";
  public static final String EXITED = "exited";
  public static final String DEAD = "dead";
}
