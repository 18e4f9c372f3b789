package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker load} of crafted archives: nothing may land outside the data root. */
@ExtendWith(DaemonExtension.class)
class ImageLoadSafetyIT {
  @TempDir Path tmp;

  @Test
  void layerWithDotDotEntry_isRefusedWithAClearMessage(BerthDaemon daemon) throws Exception {
    String marker = "berth-escape-" + UUID.randomUUID();
    byte[] layer = new TarBuilder().file("../../../../../../tmp/" + marker, "pwned").build();
    CliResult load = daemon.docker().run("load", "-i", archive(layer, "evil:dotdot").toString());
    assertNotEquals(0, load.exitCode(), load::toString);
    assertTrue(load.stderr().contains("invalid tar entry \"../../../../../../tmp/" + marker
        + "\": path escapes the layer root"), load::toString);
    assertFalse(Files.exists(Path.of("/tmp", marker)));
    assertNotEquals(0, daemon.docker().run("image", "inspect", "evil:dotdot").exitCode());
    assertNoScratchLeft(daemon);
  }

  @Test
  void absoluteSymlinkParent_isRefused(BerthDaemon daemon) throws Exception {
    String marker = "berth-escape-" + UUID.randomUUID();
    byte[] layer = new TarBuilder().symlink("evil", "/tmp").file("evil/" + marker, "pwned").build();
    CliResult load = daemon.docker().run("load", "-i", archive(layer, "evil:symlink").toString());
    assertNotEquals(0, load.exitCode(), load::toString);
    assertTrue((load.stdout() + load.stderr()).contains("path goes through the symlink evil"), load::toString);
    assertFalse(Files.exists(Path.of("/tmp", marker)), "written through the symlink onto the host");
    try (Stream<Path> s = Files.walk(daemon.dataRoot())) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().equals(marker)), "nothing half-applied stays behind");
    }
    assertNotEquals(0, daemon.docker().run("image", "inspect", "evil:symlink").exitCode());
    assertNoScratchLeft(daemon);
  }

  /** A docker-archive with one image whose only layer is {@code layer}. */
  private Path archive(byte[] layer, String tag) throws Exception {
    String diffId = TestImages.sha256(layer);
    byte[] config = TestImages.utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}");
    String configName = TestImages.sha256(config).substring(7) + ".json";
    String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + tag + "\"],"
        + "\"Layers\":[\"layer/layer.tar\"]}]";
    Path p = tmp.resolve(UUID.randomUUID() + ".tar");
    Files.write(p, new TarBuilder().file("manifest.json", manifest).file(configName, config, 0644)
        .dir("layer", 0755).file("layer/layer.tar", layer, 0644).build());
    return p;
  }

  private static void assertNoScratchLeft(BerthDaemon daemon) throws Exception {
    Path scratch = daemon.dataRoot().resolve("tmp");
    if (Files.isDirectory(scratch)) {
      try (Stream<Path> s = Files.list(scratch)) {
        assertEquals(0, s.count(), "load scratch dirs left in " + scratch);
      }
    }
  }
}
