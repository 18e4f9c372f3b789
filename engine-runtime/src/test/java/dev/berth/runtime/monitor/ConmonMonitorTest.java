package dev.berth.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.SystemException;
import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.oci.InvalidStartConfigException;
import dev.berth.runtime.oci.OciRuntimeException;
import dev.berth.runtime.oci.RuntimeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's protocol handling with a spawner that plays conmon's part (no processes, no root). */
class ConmonMonitorTest {
  @TempDir
  Path dir;
  private final List<List<String>> spawned = new ArrayList<>();

  private ConmonMonitor monitor(String syncContent, String stderr) {
    MonitorConfig config = new MonitorConfig(Path.of("/usr/bin/conmon"), dir.resolve("exits"), dir.resolve("s"),
        "info", false, Duration.ofSeconds(2));
    ConmonSpawner spawner = (argv, workDir, stderrFile, syncFile, startFifo) -> {
      spawned.add(argv);
      try {
        Files.writeString(stderrFile, stderr);
        Files.createSymbolicLink(dir.resolve("s").resolve(argv.get(argv.indexOf("-u") + 1)), workDir);
        if (syncContent != null) {
          Files.writeString(syncFile, syncContent);
        }
        return new ProcessBuilder("true").start(); // the conmon parent exits at once
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    return new ConmonMonitor(config, new FakeAttacher(), new FakeExitWatcher(), path -> { }, spawner);
  }

  private CreateRequest request() throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    return new CreateRequest("c1", "c1", bundle, new RuntimeConfig("runc", Path.of("/usr/sbin/runc"), List.of(),
        dir.resolve("runc")), LogConfig.none(), Stdio.NONE);
  }

  @Test
  void createReturnsThePidAndClearsOldExitFiles() throws Exception {
    CreateRequest req = request();
    ConmonMonitor monitor = monitor("{\"data\": 4242}\n", "");
    Path oldExit = Files.createDirectories(dir.resolve("exits")).resolve("c1");
    Files.writeString(oldExit, "0");
    Path oldOom = Files.createDirectories(req.bundle().resolve("monitor")).resolve("oom");
    Files.createFile(oldOom);
    MonitoredContainer c = monitor.create(req);
    assertEquals(4242, c.pid());
    assertTrue(Files.notExists(oldExit) && Files.notExists(oldOom), "a restart must not see the old exit");
    assertEquals("/usr/bin/conmon", spawned.get(0).get(0));
  }

  @Test
  void runtimeFailuresAreClassified() throws Exception {
    String notFound = "{\"data\": -1, \"message\": \"time=\\\"t\\\" level=error msg=\\\"runc create failed: unable "
        + "to start container process: exec: \\\\\\\"nosuch\\\\\\\": executable file not found in $PATH\\\"\\n\"}\n";
    InvalidStartConfigException e = assertThrows(InvalidStartConfigException.class,
        () -> monitor(notFound, "").create(request()));
    assertEquals(127, e.exitCode());
    assertTrue(e.getMessage().contains("exec: \"nosuch\": executable file not found in $PATH"), e.getMessage());
    assertInstanceOf(OciRuntimeException.class, assertThrows(SystemException.class,
        () -> monitor("{\"data\": -1, \"message\": \"cgroup trouble\"}\n", "").create(request())));
  }

  @Test
  void aConmonThatDiesSilentlyIsReportedWithItsStderr() throws Exception {
    SystemException e = assertThrows(SystemException.class,
        () -> monitor(null, "conmon: option parsing failed: Unknown option --bogus").create(request()));
    assertTrue(e.getMessage().contains("Unknown option --bogus"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("s/c1"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
        "the socket link conmon leaves behind on failure is removed");
  }

  @Test
  void resizeWritesConmonsControlMessage() throws Exception {
    Path ctl = Files.createFile(dir.resolve("ctl"));
    monitor("", "").resize(ctl, 24, 80);
    assertEquals("1 24 80\n", Files.readString(ctl));
    Path ctl2 = Files.createFile(dir.resolve("ctl2"));
    monitor("", "").reopenLog(ctl2);
    assertEquals("2 0 0\n", Files.readString(ctl2));
  }

  @Test
  void recoveryFindsExitFiles() throws Exception {
    CreateRequest req = request();
    ConmonMonitor monitor = monitor("{\"data\": 1}\n", "");
    ContainerLayout layout = monitor.create(req).layout();
    assertInstanceOf(RecoveredContainer.Lost.class, monitor.recover(layout));
    Files.writeString(layout.exitFile(), "4");
    RecoveredContainer.Exited exited = assertInstanceOf(RecoveredContainer.Exited.class, monitor.recover(layout));
    assertEquals(4, exited.exit().exitCode());
    monitor.cleanup(layout);
    assertTrue(Files.notExists(layout.exitFile()) && Files.notExists(layout.persistDir()));
  }
}
