package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.logging.LogEntry;
import dev.berth.runtime.logging.LogReadOptions;
import dev.berth.runtime.logging.StdStream;
import dev.berth.runtime.monitor.AttachConnection;
import dev.berth.runtime.monitor.ContainerExit;
import dev.berth.runtime.monitor.ExitTarget;
import dev.berth.runtime.monitor.MonitoredContainer;
import dev.berth.runtime.monitor.Stdio;
import dev.berth.runtime.oci.InvalidStartConfigException;
import dev.berth.runtime.oci.Signals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real busybox containers through conmon + runc: exit codes, attach, stdin, signals, logs, failures. */
@Tag("root")
class ContainerLifecycleIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private RuntimeFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = RuntimeFixture.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  private static ContainerExit await(CompletableFuture<ContainerExit> exit) throws Exception {
    return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static String text(LogEntry e) {
    return new String(e.message(), StandardCharsets.UTF_8);
  }

  @Test
  void exitCodePropagates() throws Exception {
    String id = fx.id("exit3");
    MonitoredContainer c = fx.create(id, Stdio.NONE, "sh", "-c", "exit 3");
    assertTrue(c.pid() > 0 && c.conmonPid() > 0, c.toString());
    assertEquals("created", fx.runtime.state(id).status());
    CompletableFuture<ContainerExit> exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    ContainerExit e = await(exit);
    assertEquals(3, e.exitCode());
    assertFalse(e.oomKilled());
    assertFalse(e.monitorLost());
    assertTrue(fx.runtime.state(id).isStopped());
  }

  @Test
  void stdoutAndStderrArriveSeparatelyThroughAttachAndLog() throws Exception {
    String id = fx.id("streams");
    MonitoredContainer c = fx.create(id, Stdio.NONE, "sh", "-c", "echo out1; echo err1 >&2; printf out2");
    RecordingSink sink = new RecordingSink();
    RecordingSink second = new RecordingSink();
    fx.attacher().attach(c.layout().attachSocket(), sink);
    fx.attacher().attach(c.layout().attachSocket(), second);
    CompletableFuture<ContainerExit> exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    assertEquals(0, await(exit).exitCode());
    assertTrue(sink.awaitClosed(WAIT));
    assertEquals("out1\nout2", sink.stdout());
    assertEquals("err1\n", sink.stderr());
    assertTrue(second.awaitClosed(WAIT));
    assertEquals("out1\nout2", second.stdout(), "every attacher gets the output");

    List<LogEntry> entries = new ArrayList<>();
    fx.logConfig(id).reader().read(LogReadOptions.all(), exit, entries::add);
    assertEquals(3, entries.size(), entries.toString());
    assertEquals(StdStream.STDERR, entries.stream().filter(e -> text(e).equals("err1\n")).findFirst()
        .orElseThrow().stream());
    assertTrue(entries.stream().anyMatch(e -> e.stream() == StdStream.STDOUT && text(e).equals("out2")),
        "the unterminated last line is kept");
  }

  @Test
  void stdinRoundTripWithHalfClose() throws Exception {
    String id = fx.id("stdin");
    MonitoredContainer c = fx.create(id, new Stdio(true, true, false), "cat");
    RecordingSink sink = new RecordingSink();
    AttachConnection attach = fx.attacher().attach(c.layout().attachSocket(), sink);
    CompletableFuture<ContainerExit> exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    attach.writeStdin("hi\n".getBytes(StandardCharsets.UTF_8));
    attach.closeStdin();
    assertEquals(0, await(exit).exitCode(), "cat ends when stdin closes");
    assertTrue(sink.awaitClosed(WAIT));
    assertEquals("hi\n", sink.stdout());
  }

  @Test
  void killDeliversTrappedSignal() throws Exception {
    String id = fx.id("usr1");
    MonitoredContainer c = fx.create(id, Stdio.NONE, "sh", "-c",
        "trap 'echo got-usr1; exit 7' USR1; echo ready; while true; do sleep 0.1; done");
    RecordingSink sink = new RecordingSink();
    fx.attacher().attach(c.layout().attachSocket(), sink);
    CompletableFuture<ContainerExit> exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    assertTrue(sink.awaitStdout(s -> s.contains("ready"), WAIT).contains("ready"));
    fx.runtime.kill(id, Signals.parse("SIGUSR1"));
    assertEquals(7, await(exit).exitCode());
    assertTrue(sink.awaitStdout(s -> s.contains("got-usr1"), WAIT).contains("got-usr1"));
  }

  @Test
  void missingCommandFailsCreateWithRuntimeMessage() throws Exception {
    String id = fx.id("nosuch");
    InvalidStartConfigException e = assertThrows(InvalidStartConfigException.class,
        () -> fx.create(id, Stdio.NONE, "nosuch"));
    assertEquals(127, e.exitCode());
    assertTrue(e.getMessage().contains("exec: \"nosuch\": executable file not found in $PATH"), e.getMessage());
  }

  @Test
  void pauseResumeStatePsAndSigkill() throws Exception {
    String id = fx.id("pause");
    MonitoredContainer c = fx.create(id, Stdio.NONE, "sleep", "100");
    CompletableFuture<ContainerExit> exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    assertTrue(fx.runtime.state(id).isRunning());
    assertTrue(fx.runtime.ps(id).contains(c.pid()), fx.runtime.ps(id).toString());
    fx.runtime.pause(id);
    assertTrue(fx.runtime.state(id).isPaused());
    fx.runtime.resume(id);
    assertTrue(fx.runtime.state(id).isRunning());
    fx.runtime.kill(id, Signals.parse("9"));
    assertEquals(137, await(exit).exitCode());
    fx.runtime.delete(id, false);
    fx.runtime.delete(id, false); // idempotent
    fx.monitor.cleanup(c.layout());
  }
}
