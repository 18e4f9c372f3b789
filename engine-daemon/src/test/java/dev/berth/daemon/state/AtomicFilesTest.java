package dev.berth.daemon.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void createsParentsAndWrites_withoutLeavingTempFiles() throws IOException {
    Path target = dir.resolve("a/b/state.json");
    AtomicFiles.write(target, "{\"v\":1}".getBytes());
    assertEquals("{\"v\":1}", Files.readString(target));
    assertEquals(List.of("state.json"), names(target.getParent()));
  }

  @Test
  void replacesExistingContent() throws IOException {
    Path target = dir.resolve("f");
    AtomicFiles.write(target, new byte[10_000]);
    AtomicFiles.write(target, new byte[] {7});
    assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
    AtomicFiles.write(target, new byte[0]);
    assertEquals(0, Files.size(target));
    assertEquals(List.of("f"), names(dir));
  }

  @Test
  void relativeTargets() throws IOException {
    Path target = dir.resolve("rel");
    AtomicFiles.write(Path.of("").toAbsolutePath().relativize(target), "x".getBytes());
    assertEquals("x", Files.readString(target));
  }
}
