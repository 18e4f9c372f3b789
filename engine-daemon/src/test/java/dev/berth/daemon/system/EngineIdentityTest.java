package dev.berth.daemon.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineIdentityTest {
  @TempDir Path root;

  @Test
  void createdOnce_thenStable() throws IOException {
    String id = EngineIdentity.loadOrCreate(root.resolve("data"));
    UUID.fromString(id);
    assertEquals(id, Files.readString(root.resolve("data/engine-id")));
    assertEquals(id, EngineIdentity.loadOrCreate(root.resolve("data")));
  }

  @Test
  void existingIdIsKept_blankIsReplaced() throws IOException {
    Files.writeString(root.resolve("engine-id"), "  my-id\n");
    assertEquals("my-id", EngineIdentity.loadOrCreate(root));
    Files.writeString(root.resolve("engine-id"), "\n");
    String id = EngineIdentity.loadOrCreate(root);
    assertNotEquals("", id);
    UUID.fromString(id);
  }
}
