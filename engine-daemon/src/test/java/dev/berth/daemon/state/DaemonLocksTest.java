package dev.berth.daemon.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.daemon.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLocksTest {
  private static final String ME = Long.toString(ProcessHandle.current().pid());

  @TempDir Path dir;

  @Test
  void acquire_writesPidToLockAndPidfile_closeRemovesPidfile() throws IOException {
    Path data = dir.resolve("data");
    Path pidfile = dir.resolve("run/berthd.pid");
    DaemonLocks locks = DaemonLocks.acquire(data, pidfile);
    try (locks) {
      assertEquals(ME, Files.readString(data.resolve("berthd.lock")));
      assertEquals(ME, Files.readString(pidfile));
    }
    assertFalse(Files.exists(pidfile));
    DaemonLocks.acquire(data, null).close();
  }

  @Test
  void stalePidfile_isReplaced() throws IOException {
    Path pidfile = dir.resolve("berthd.pid");
    for (String stale : new String[] {"garbage", "", "999999999", ME}) {
      Files.writeString(pidfile, stale);
      DaemonLocks.acquire(dir.resolve("data"), pidfile).close();
    }
  }

  @Test
  void pidfileOfALiveProcess_isRefused_andTheDataRootIsReleased() throws Exception {
    Path pidfile = dir.resolve("berthd.pid");
    Process other = new ProcessBuilder("bash", "-c", "exec -a berthd-test sleep 30").start();
    try {
      Thread.sleep(200);
      String pid = Long.toString(other.pid());
      Files.writeString(pidfile, pid);
      ConfigException e = assertThrows(ConfigException.class,
          () -> DaemonLocks.acquire(dir.resolve("data"), pidfile));
      assertEquals("pid file found, ensure berthd is not running or delete " + pidfile + " (pid " + pid
          + " is alive)", e.getMessage());
      assertEquals(pid, Files.readString(pidfile), "the other daemon's pidfile is left alone");
      DaemonLocks.acquire(dir.resolve("data"), null).close();
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  @Test
  void pidfileNamingAnotherProgram_isStale() throws IOException {
    Path pidfile = dir.resolve("berthd.pid");
    Files.writeString(pidfile, Long.toString(ProcessHandle.current().parent().orElseThrow().pid()));
    DaemonLocks.acquire(dir.resolve("data"), pidfile).close();
  }

  @Test
  void secondAcquireInTheSameJvm_failsAndLeavesTheHolderAlone() throws IOException {
    // Another process gets ConfigException "another berthd (pid N) is already using data root ..."; inside one
    // JVM the JDK throws OverlappingFileLockException instead (daemons under test run as separate processes).
    DaemonLocks holder = DaemonLocks.acquire(dir, null);
    try (holder) {
      assertThrows(RuntimeException.class, () -> DaemonLocks.acquire(dir, null));
      assertEquals(ME, Files.readString(dir.resolve("berthd.lock")));
    }
  }
}
