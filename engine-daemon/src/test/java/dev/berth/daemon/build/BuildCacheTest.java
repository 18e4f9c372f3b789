package dev.berth.daemon.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {
  @Test
  void entriesSurviveReopening_andMissingImagesAreMisses(@TempDir Path dir) {
    Path file = dir.resolve("builder/cache.json");
    String key = BuildCache.key("sha256:p", "/bin/sh -c echo", List.of("cfg"));
    new BuildCache(file).put(key, "sha256:img");
    BuildCache reopened = new BuildCache(file);
    assertEquals(Optional.of("sha256:img"), reopened.get(key, id -> true));
    assertTrue(reopened.get(key, id -> false).isEmpty());
    assertEquals(1, reopened.clear());
    assertTrue(new BuildCache(file).get(key, id -> true).isEmpty());
  }

  @Test
  void keyDependsOnParentCommandAndConfig() {
    String k = BuildCache.key("sha256:p", "c", List.of("a"));
    assertNotEquals(k, BuildCache.key("sha256:q", "c", List.of("a")));
    assertNotEquals(k, BuildCache.key("sha256:p", "d", List.of("a")));
    assertNotEquals(k, BuildCache.key("sha256:p", "c", List.of("b")));
  }
}
