package dev.berth.daemon.system;

import dev.berth.daemon.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The engine ID shown by {@code docker info}: a UUID created once and kept in the data root. */
public final class EngineIdentity {
  private EngineIdentity() {}

  public static String loadOrCreate(Path dataRoot) throws IOException {
    Path file = dataRoot.resolve("engine-id");
    if (Files.exists(file)) {
      String id = Files.readString(file).trim();
      if (!id.isEmpty()) {
        return id;
      }
    }
    String id = UUID.randomUUID().toString();
    AtomicFiles.write(file, id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return id;
  }
}
