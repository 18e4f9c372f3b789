package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Docker's {@code container.Health} (swagger {@code Health}): {@code State.Health} of inspect, present only for
 * containers with a healthcheck. {@code Status} is {@code starting}, {@code healthy} or {@code unhealthy}
 * ({@code none} only in filters); {@code Log} holds the last results, oldest first.
 */
public record Health(
    @JsonProperty("Status") String status,
    @JsonProperty("FailingStreak") int failingStreak,
    @JsonProperty("Log") List<HealthcheckResult> log) {

  public static final String NONE = "none";
  public static final String STARTING = "starting";
  public static final String HEALTHY = "healthy";
  public static final String UNHEALTHY = "unhealthy";

  /**
   * One probe run. {@code Start}/{@code End} are RFC 3339 nano timestamps ({@code dev.berth.api.model.GoTime});
   * {@code ExitCode} 0 is healthy, 1 unhealthy, other values a failure to run the probe.
   */
  public record HealthcheckResult(
      @JsonProperty("Start") String start,
      @JsonProperty("End") String end,
      @JsonProperty("ExitCode") int exitCode,
      @JsonProperty("Output") String output) {}
}
