package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.monitor.AttachConnection;
import dev.berth.runtime.monitor.ContainerExit;
import dev.berth.runtime.monitor.ExecRequest;
import dev.berth.runtime.monitor.ExecSession;
import dev.berth.runtime.monitor.ExitTarget;
import dev.berth.runtime.monitor.MonitoredContainer;
import dev.berth.runtime.monitor.Stdio;
import dev.berth.runtime.monitor.StreamSink;
import dev.berth.runtime.oci.InvalidStartConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** TTY containers with resize, and docker exec through conmon's exec mode. */
@Tag("root")
class TtyAndExecIT {
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

  @Test
  void ttyContainerSeesPtsAndResizes() throws Exception {
    String id = fx.id("tty");
    MonitoredContainer c = fx.create(id, new Stdio(true, true, true), "sh", "-c",
        "tty; read x; stty size; read x; stty size");
    RecordingSink sink = new RecordingSink();
    AttachConnection attach = fx.attacher().attach(c.layout().attachSocket(), sink);
    CompletableFuture<ContainerExit> exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    // the CLI's order (`docker run -it`): start, then resize. A resize sent before start can reach the pty only
    // after the process has already read its size (seen as "0 0" with conmon 2.1.6).
    assertTrue(sink.awaitStdout(s -> s.contains("/dev/pts/0"), WAIT).contains("/dev/pts/0"));
    fx.monitor.resize(c.layout().ctlFifo(), 30, 100);
    Thread.sleep(50);
    attach.writeStdin("\r".getBytes(StandardCharsets.UTF_8));
    String first = sink.awaitStdout(s -> s.contains("30 100"), WAIT);
    assertTrue(first.contains("30 100"), first);
    fx.monitor.resize(c.layout().ctlFifo(), 40, 120);
    Thread.sleep(50);
    attach.writeStdin("go\r".getBytes(StandardCharsets.UTF_8));
    assertEquals(0, await(exit).exitCode());
    String all = sink.awaitStdout(s -> s.contains("40 120"), WAIT);
    assertTrue(all.contains("40 120") && all.contains("go"), all); // the tty echoes input
    assertTrue(sink.stderr().isEmpty(), "a TTY merges stderr into stdout");
  }

  @Test
  void execReportsPidOutputAndExitCode() throws Exception {
    MonitoredContainer c = running("exec");
    RecordingSink sink = new RecordingSink();
    ExecSession exec = exec(c, "e1", Stdio.NONE, true, sink, "sh", "-c", "echo in-exec; echo oops >&2; exit 42");
    assertTrue(exec.pid() > 0);
    assertEquals(42, await(exec.exit()).exitCode());
    assertTrue(sink.awaitClosed(WAIT));
    assertEquals("in-exec\n", sink.stdout());
    assertEquals("oops\n", sink.stderr());
    fx.monitor.cleanup(exec.layout());
    assertTrue(Files.notExists(exec.layout().dir()));
  }

  @Test
  void execStdinHalfClose() throws Exception {
    MonitoredContainer c = running("execin");
    RecordingSink sink = new RecordingSink();
    ExecSession exec = exec(c, "e2", new Stdio(true, true, false), true, sink, "cat");
    AttachConnection attach = exec.attach().orElseThrow();
    attach.writeStdin("x-y\n".getBytes(StandardCharsets.UTF_8));
    attach.closeStdin();
    assertEquals(0, await(exec.exit()).exitCode());
    assertEquals("x-y\n", sink.awaitStdout(s -> s.contains("x-y"), WAIT));
  }

  @Test
  void execWithTtyAndResize() throws Exception {
    MonitoredContainer c = running("exectty");
    RecordingSink sink = new RecordingSink();
    ExecSession exec = exec(c, "e3", new Stdio(true, true, true), true, sink, "sh", "-c",
        "tty; read x; stty size");
    String pts = sink.awaitStdout(s -> s.contains("/dev/pts/"), WAIT);
    assertTrue(pts.contains("/dev/pts/"), pts);
    fx.monitor.resize(exec.layout().ctlFifo(), 33, 77);
    Thread.sleep(100);
    exec.attach().orElseThrow().writeStdin("\r".getBytes(StandardCharsets.UTF_8));
    assertEquals(0, await(exec.exit()).exitCode());
    assertTrue(sink.awaitStdout(s -> s.contains("33 77"), WAIT).contains("33 77"));
  }

  @Test
  void detachedExecAndMissingCommand() throws Exception {
    MonitoredContainer c = running("execd");
    ExecSession exec = exec(c, "e4", Stdio.NONE, false, null, "sh", "-c", "exit 3");
    assertTrue(exec.attach().isEmpty());
    assertEquals(3, await(exec.exit()).exitCode());
    InvalidStartConfigException e = assertThrows(InvalidStartConfigException.class,
        () -> exec(c, "e5", Stdio.NONE, true, new RecordingSink(), "nosuch"));
    assertEquals(127, e.exitCode());
    assertTrue(e.getMessage().contains("executable file not found"), e.getMessage());
  }

  private MonitoredContainer running(String name) throws Exception {
    String id = fx.id(name);
    MonitoredContainer c = fx.create(id, Stdio.NONE, "sleep", "100");
    fx.runtime.start(id);
    return c;
  }

  private ExecSession exec(MonitoredContainer c, String execId, Stdio stdio, boolean attach, StreamSink sink,
      String... args) throws Exception {
    Path dir = c.layout().bundle().resolve("exec").resolve(execId);
    Path spec = BusyboxBundle.writeProcess(dir.resolve("process.json"), stdio.tty(), args);
    return fx.monitor.exec(new ExecRequest(c.id(), c.id() + "-" + execId, dir, spec, fx.runc, stdio, attach),
        sink);
  }
}
