package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlkioSupportTest {
  @TempDir Path root;

  @Test
  void v1WithOnlyBfqFiles_hasNoWeight() throws IOException {
    Files.createDirectories(root.resolve("blkio"));
    Files.writeString(root.resolve("blkio/blkio.bfq.weight"), "100\n");
    Files.writeString(root.resolve("blkio/blkio.throttle.read_bps_device"), "");
    assertEquals(new BlkioSupport(false, false), BlkioSupport.detect(root));
  }

  @Test
  void v1WithCfqFiles_hasBoth() throws IOException {
    Files.createDirectories(root.resolve("blkio"));
    Files.writeString(root.resolve("blkio/blkio.weight"), "500\n");
    Files.writeString(root.resolve("blkio/blkio.weight_device"), "");
    assertEquals(BlkioSupport.ALL, BlkioSupport.detect(root));
  }

  @Test
  void noBlkioHierarchy_hasNone() {
    assertEquals(new BlkioSupport(false, false), BlkioSupport.detect(root));
  }

  @Test
  void v2_followsTheIoController() throws IOException {
    Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    assertEquals(BlkioSupport.ALL, BlkioSupport.detect(root));
    Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu memory pids\n");
    assertEquals(new BlkioSupport(false, false), BlkioSupport.detect(root));
  }
}
