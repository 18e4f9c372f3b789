package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.SystemException;
import dev.berth.runtime.mount.MountTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindPropagationTest {
  @TempDir Path dir;

  private MountTable table() throws IOException {
    Path real = dir.toRealPath();
    Files.createDirectories(real.resolve("shared/x"));
    Files.createDirectories(real.resolve("slave/x"));
    return MountTable.parse("1 0 8:1 / / rw - ext4 /dev/sda rw\n"
        + "2 1 0:5 / " + real.resolve("shared") + " rw shared:1 - tmpfs t rw\n"
        + "3 1 0:6 / " + real.resolve("slave") + " rw master:1 - tmpfs t rw\n");
  }

  @Test
  void slaveBindOnPrivateMount_failsWithMobysMessage() throws IOException {
    MountTable t = table();
    var e = assertThrows(SystemException.class,
        () -> BindPropagation.check(List.of(bind(dir.toString(), "rslave")), () -> t));
    assertEquals("path " + dir + " is mounted on / but it is not a shared or slave mount", e.getMessage());
  }

  @Test
  void sharedBindOnSlaveMount_fails() throws IOException {
    MountTable t = table();
    String src = dir.resolve("slave/x").toString();
    var e = assertThrows(SystemException.class,
        () -> BindPropagation.check(List.of(bind(src, "shared")), () -> t));
    assertEquals("path " + src + " is mounted on " + dir.toRealPath().resolve("slave")
        + " but it is not a shared mount", e.getMessage());
  }

  @Test
  void slaveAndSharedSourcesPass() throws IOException {
    MountTable t = table();
    assertDoesNotThrow(() -> BindPropagation.check(List.of(
        bind(dir.resolve("slave/x").toString(), "slave"),
        bind(dir.resolve("shared/x").toString(), "rslave"),
        bind(dir.resolve("shared").toString(), "rshared")), () -> t));
  }

  @Test
  void privatePropagationNeverReadsTheTable() {
    assertDoesNotThrow(() -> BindPropagation.check(List.of(
        ContainerMount.bind("/nonexistent", "/x", false), bind("/nonexistent", "private")), () -> {
          throw new AssertionError("read the mount table");
        }));
  }

  private static ContainerMount bind(String src, String propagation) {
    return new ContainerMount(ContainerMount.Type.BIND, src, "/x", false, propagation, false, "");
  }
}
