package dev.berth.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.daemon.container.ContainerFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This JVM's own {@code /proc/<pid>/root} stands in for a running container's root. */
class ArchiveViewTest {
  @TempDir Path rootfs;

  private ContainerFiles.View running() {
    return new ContainerFiles.View(null, Path.of("/proc/" + ProcessHandle.current().pid() + "/root"), true, rootfs);
  }

  @Test
  void kernelMountsAndWhatIsUnderThem_resolveInTheRootfs() throws IOException {
    for (String p : new String[] {"/proc", "/proc/x", "/proc/", "/sys/x", "/sys/fs/cgroup"}) {
      assertEquals(rootfs, ArchiveView.of(running(), p).root(), p);
    }
  }

  @Test
  void ordinaryPaths_stayInTheLiveView() throws IOException {
    ContainerFiles.View v = running();
    assertEquals(v.root(), ArchiveView.of(v, "/etc").root());
    assertEquals(v.root(), ArchiveView.of(v, "/").root());
  }

  @Test
  void aStoppedContainer_hasOnlyItsRootfs() throws IOException {
    ContainerFiles.View v = new ContainerFiles.View(null, rootfs, false, rootfs);
    assertEquals(rootfs, ArchiveView.of(v, "/proc/x").root());
  }
}
