package dev.berth.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitFileWatcherTest {
  @TempDir
  Path dir;
  private ExitFileWatcher watcher;
  private Path exits;
  private Path pidFile;
  private Process fakeConmon;

  @BeforeEach
  void setUp() throws Exception {
    watcher = new ExitFileWatcher(Duration.ofMillis(100));
    exits = Files.createDirectories(dir.resolve("exits"));
    // a live process whose executable is named conmon, for the liveness check
    Path binary = Files.copy(Path.of("/bin/sleep"), dir.resolve("conmon"));
    binary.toFile().setExecutable(true);
    fakeConmon = new ProcessBuilder(binary.toString(), "60").start();
    pidFile = dir.resolve("conmon.pid");
    Files.writeString(pidFile, Long.toString(fakeConmon.pid()));
  }

  @AfterEach
  void tearDown() throws Exception {
    watcher.close();
    fakeConmon.destroyForcibly().waitFor();
  }

  private ExitTarget target(String id, Path oomFile, Path memoryCgroup) {
    return new ExitTarget(id, exits.resolve(id), oomFile, memoryCgroup, pidFile);
  }

  /** conmon writes exit files with g_file_set_contents: a temp file renamed into place. */
  private void conmonWrites(Path file, String content) throws Exception {
    Path tmp = Files.writeString(file.resolveSibling(file.getFileName() + ".XYZ"), content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void reportsAnExitWrittenLater() throws Exception {
    Path oom = Files.createFile(dir.resolve("oom"));
    CompletableFuture<ContainerExit> exit = watcher.watch(target("c1", oom, null));
    Thread.sleep(300); // longer than the liveness interval: conmon is alive, so no "lost"
    assertFalse(exit.isDone());
    conmonWrites(exits.resolve("c1"), "137");
    ContainerExit e = exit.get(5, TimeUnit.SECONDS);
    assertEquals(137, e.exitCode());
    assertTrue(e.oomKilled());
    assertFalse(e.monitorLost());
  }

  @Test
  void reportsAnExitThatHappenedBeforeTheWatch() throws Exception {
    conmonWrites(exits.resolve("c2"), "3");
    ContainerExit e = watcher.watch(target("c2", dir.resolve("no-oom"), null)).get(1, TimeUnit.SECONDS);
    assertEquals(3, e.exitCode());
    assertFalse(e.oomKilled());
  }

  @Test
  void oomFallsBackToTheMemoryCgroupCounter() throws Exception {
    Path memory = Files.createDirectories(dir.resolve("memory/berth/c3"));
    Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
    conmonWrites(exits.resolve("c3"), "137");
    assertTrue(watcher.watch(target("c3", null, memory)).get(1, TimeUnit.SECONDS).oomKilled());
  }

  @Test
  void aVanishedConmonIsReportedLost() throws Exception {
    Files.writeString(pidFile, "999999999");
    ContainerExit e = watcher.watch(target("c4", null, null)).get(5, TimeUnit.SECONDS);
    assertTrue(e.monitorLost());
    assertEquals(ContainerExit.UNKNOWN_EXIT_CODE, e.exitCode());
  }

  @Test
  void unwatchCancels() {
    CompletableFuture<ContainerExit> exit = watcher.watch(target("c5", null, null));
    watcher.unwatch("c5");
    assertTrue(exit.isCancelled());
  }

  @Test
  void garbageAndNegativeCodesAreUnknown() {
    assertEquals(255, ExitFiles.parseCode("-1"));
    assertEquals(255, ExitFiles.parseCode("x"));
    assertEquals(0, ExitFiles.parseCode("0"));
  }
}
