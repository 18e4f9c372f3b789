package dev.berth.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrunWrapperTest {
  @TempDir
  Path dir;

  @Test
  void writesAnExecutableScriptThatHidesTheV2Mount() throws Exception {
    Path script = CrunWrapper.write(dir, Path.of("/usr/bin/crun"), Path.of("/sys/fs/cgroup/unified"));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
    String text = Files.readString(script);
    assertTrue(text.startsWith("#!/bin/sh\n"));
    assertTrue(text.contains("exec unshare -m --propagation private sh -c 'umount \"$1\" 2>/dev/null; shift; "
        + "exec \"$0\" \"$@\"' '/usr/bin/crun' '/sys/fs/cgroup/unified' \"$@\""), text);
  }

  @Test
  void quotesPathsForTheShell() {
    assertTrue(CrunWrapper.script(Path.of("/opt/it's/crun"), Path.of("/u")).contains("'/opt/it'\\''s/crun'"));
  }

  @Test
  void detectsHybridHierarchies() throws Exception {
    assertFalse(CrunWrapper.isHybrid(dir));
    Files.createDirectories(dir.resolve("unified"));
    Files.createFile(dir.resolve("unified/cgroup.controllers"));
    assertTrue(CrunWrapper.isHybrid(dir));
    Files.createFile(dir.resolve("cgroup.controllers"));
    assertFalse(CrunWrapper.isHybrid(dir), "a pure v2 root is not hybrid");
  }
}
