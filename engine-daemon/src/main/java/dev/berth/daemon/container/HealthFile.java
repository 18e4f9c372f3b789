package dev.berth.daemon.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.container.Health;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A container's last health state on disk ({@code <container dir>/health.json}), written after each probe as
 * dockerd checkpoints it, so that a daemon restart with live containers keeps {@code healthy}/{@code unhealthy}
 * instead of starting over at {@code starting}. Tied to the run ({@code startedAt}) it was measured in.
 */
final class HealthFile {
  static final String NAME = "health.json";

  private HealthFile() {}

  record Saved(@JsonProperty("run") String run, @JsonProperty("health") Health health) {}

  static void write(Path containerDir, String run, Health health) {
    try {
      AtomicFiles.write(containerDir.resolve(NAME), Json.bytes(new Saved(run, health)));
    } catch (IOException | RuntimeException e) {
      // advisory: the next probe writes it again
    }
  }

  /** The saved health of run {@code run}, if any. */
  static Optional<Health> read(Path containerDir, String run) {
    Path f = containerDir.resolve(NAME);
    try {
      if (!Files.isRegularFile(f)) {
        return Optional.empty();
      }
      Saved s = Json.MAPPER.readValue(Files.readAllBytes(f), Saved.class);
      return s != null && run.equals(s.run()) && s.health() != null ? Optional.of(s.health()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
