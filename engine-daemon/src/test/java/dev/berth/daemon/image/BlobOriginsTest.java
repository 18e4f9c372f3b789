package dev.berth.daemon.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.storage.digest.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobOriginsTest {
  @TempDir Path tmp;

  @Test
  void repositoriesOnTheSameRegistry_newestFirst_andPersisted() throws Exception {
    Path file = tmp.resolve("d/origins.json");
    Digest blob = Digest.sha256("layer");
    BlobOrigins o = new BlobOrigins(file);
    o.record(List.of(blob), "r:5000", "team/a");
    o.record(List.of(blob), "other:5000", "team/b");
    o.record(List.of(blob), "r:5000", "team/c");
    assertEquals(List.of("team/c", "team/a"), o.repositories(blob, "r:5000", "x/y"));
    assertEquals(List.of("team/a"), o.repositories(blob, "r:5000", "team/c"), "never mount from itself");
    assertEquals(List.of("team/c", "team/a"), new BlobOrigins(file).repositories(blob, "r:5000", ""));
    assertEquals(List.of(), o.repositories(Digest.sha256("other"), "r:5000", ""));
  }

  @Test
  void unreadableFile_isIgnored() throws Exception {
    Path file = tmp.resolve("origins.json");
    Files.writeString(file, "{not json");
    assertEquals(List.of(), new BlobOrigins(file).repositories(Digest.sha256("x"), "r", ""));
  }
}
