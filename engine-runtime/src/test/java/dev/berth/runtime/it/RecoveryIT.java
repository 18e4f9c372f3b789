package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.linux.LinuxFifos;
import dev.berth.runtime.linux.LinuxSeqpacketConnector;
import dev.berth.runtime.monitor.AttachConnection;
import dev.berth.runtime.monitor.ConmonAttacher;
import dev.berth.runtime.monitor.ConmonMonitor;
import dev.berth.runtime.monitor.ConmonProcess;
import dev.berth.runtime.monitor.ContainerExit;
import dev.berth.runtime.monitor.ContainerLayout;
import dev.berth.runtime.monitor.ExitFileWatcher;
import dev.berth.runtime.monitor.ExitTarget;
import dev.berth.runtime.monitor.MonitoredContainer;
import dev.berth.runtime.monitor.RecoveredContainer;
import dev.berth.runtime.monitor.Stdio;
import dev.berth.runtime.oci.Signals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A simulated daemon restart: every JVM-side object is dropped and rebuilt from the persisted id and bundle
 * while containers keep running under conmon.
 */
@Tag("root")
class RecoveryIT {
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

  @Test
  void containerOutlivesTheDaemonObjectsAndItsExitIsStillObserved() throws Exception {
    String id = fx.id("live");
    MonitoredContainer c = fx.create(id, new Stdio(true, false, false), "cat");
    RecordingSink before = new RecordingSink();
    AttachConnection first = fx.attacher().attach(c.layout().attachSocket(), before);
    fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    first.writeStdin("a\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("a\n", before.awaitStdout(s -> s.contains("a"), WAIT));
    first.close(); // detach; not StdinOnce, so conmon keeps the container's stdin open

    String exitedMeanwhile = fx.id("gone");
    MonitoredContainer d = fx.create(exitedMeanwhile, Stdio.NONE, "sh", "-c", "exit 5");
    fx.runtime.start(exitedMeanwhile);

    fx.exits.unwatch(id); // "daemon stops": forget everything but the ids and bundles
    ContainerLayout persisted = fx.config.layout(id, c.layout().bundle());
    ContainerLayout persistedGone = fx.config.layout(exitedMeanwhile, d.layout().bundle());
    Thread.sleep(300);

    try (ExitFileWatcher exits = new ExitFileWatcher(Duration.ofMillis(500))) {
      ConmonAttacher attacher = new ConmonAttacher(fx.group, new LinuxSeqpacketConnector());
      ConmonMonitor monitor = new ConmonMonitor(fx.config, attacher, exits, new LinuxFifos());

      RecoveredContainer.Running running = assertInstanceOf(RecoveredContainer.Running.class,
          monitor.recover(persisted));
      assertEquals(c.pid(), running.pid());
      assertEquals(c.conmonPid(), running.conmonPid());
      RecoveredContainer.Exited exited = assertInstanceOf(RecoveredContainer.Exited.class,
          monitor.recover(persistedGone));
      assertEquals(5, exited.exit().exitCode());

      var exit = exits.watch(ExitTarget.of(persisted, null));
      RecordingSink after = new RecordingSink();
      AttachConnection second = attacher.attach(persisted.attachSocket(), after);
      second.writeStdin("b\n".getBytes(StandardCharsets.UTF_8));
      assertEquals("b\n", after.awaitStdout(s -> s.contains("b"), WAIT));
      fx.runtime.kill(id, Signals.SIGKILL);
      ContainerExit e = exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(137, e.exitCode());
      assertTrue(after.awaitClosed(WAIT));
    }
  }

  @Test
  void killedConmonIsReportedLost() throws Exception {
    String id = fx.id("lost");
    MonitoredContainer c = fx.create(id, Stdio.NONE, "sleep", "100");
    var exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    ConmonProcess.kill(c.layout().conmonPidFile());
    ContainerExit e = exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertTrue(e.monitorLost());
    assertEquals(ContainerExit.UNKNOWN_EXIT_CODE, e.exitCode());
    assertInstanceOf(RecoveredContainer.Lost.class, fx.monitor.recover(c.layout()));
    assertTrue(fx.runtime.state(id).isRunning(), "the container runs on, unmonitored");
  }
}
