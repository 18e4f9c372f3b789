package dev.berth.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchiveErrorsTest {
  private final ContainerRoot root = new ContainerRoot(Path.of("/proc/42/root"));

  @Test
  void hostPathsBecomeContainerPaths() {
    assertEquals("/etc/x: permission denied",
        ArchiveErrors.of(new AccessDeniedException("/proc/42/root/etc/x"), root).getMessage());
    assertEquals("/sys/x: read-only file system", ArchiveErrors.of(
        new FileSystemException("/proc/42/root/sys/x", null, "Read-only file system"), root).getMessage());
  }

  @Test
  void pathsOutsideTheRoot_showOnlyTheirName() {
    assertEquals("…/tmp123: input/output error",
        ArchiveErrors.of(new FileSystemException("/var/lib/berth/tmp123"), root).getMessage());
  }
}
