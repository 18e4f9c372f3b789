package dev.berth.api.model.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One event of {@code GET /events} (moby {@code events.Message}). The legacy {@code status}, {@code id} and
 * {@code from} fields are still sent for containers and images, as dockerd does.
 */
@JsonInclude(Include.NON_NULL)
public record EventMessage(
    @JsonProperty("status") String status,
    @JsonProperty("id") String id,
    @JsonProperty("from") String from,
    @JsonProperty("Type") String type,
    @JsonProperty("Action") String action,
    @JsonProperty("Actor") Actor actor,
    @JsonProperty("scope") String scope,
    @JsonProperty("time") long time,
    @JsonProperty("timeNano") long timeNano) {

  public record Actor(
      @JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {}

  /** Builds a local-scope event stamped now, filling the legacy fields the way dockerd does. */
  public static EventMessage of(String type, String action, String actorId, Map<String, String> attributes) {
    long nanos = nowNanos();
    boolean legacy = type.equals("container") || type.equals("image");
    String from = type.equals("container") ? attributes.get("image") : null;
    return new EventMessage(legacy ? action : null, legacy ? actorId : null, from, type, action,
        new Actor(actorId, Map.copyOf(attributes)), "local", nanos / 1_000_000_000L, nanos);
  }

  private static long nowNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
