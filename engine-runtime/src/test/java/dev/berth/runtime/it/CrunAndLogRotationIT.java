package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.logging.LogEntry;
import dev.berth.runtime.logging.LogReadOptions;
import dev.berth.runtime.monitor.ContainerExit;
import dev.berth.runtime.monitor.CreateRequest;
import dev.berth.runtime.monitor.ExitTarget;
import dev.berth.runtime.monitor.MonitoredContainer;
import dev.berth.runtime.monitor.Stdio;
import dev.berth.runtime.oci.CrunWrapper;
import dev.berth.runtime.oci.ProcessCommandRunner;
import dev.berth.runtime.oci.RuncCli;
import dev.berth.runtime.oci.RuntimeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** crun through the hybrid-host wrapper, and following a log that conmon rotates. */
@Tag("root")
class CrunAndLogRotationIT {
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
  void crunThroughTheWrapper() throws Exception {
    Path crun = Path.of("/usr/bin/crun");
    assumeTrue(Files.isExecutable(crun), "crun needed");
    Path cgroups = Path.of("/sys/fs/cgroup");
    Path runtimePath = CrunWrapper.isHybrid(cgroups)
        ? CrunWrapper.write(fx.base.resolve("wrappers"), crun, cgroups.resolve("unified"))
        : crun;
    RuntimeConfig config = new RuntimeConfig("crun", runtimePath, List.of(), fx.base.resolve("crun"));
    RuncCli cli = new RuncCli(config, new ProcessCommandRunner());
    String id = fx.id("crun");
    Path bundle = fx.bundle(id, false, 0, "sh", "-c", "echo via-crun; exit 5");
    fx.track(fx.config.layout(id, bundle), cli);
    MonitoredContainer c = fx.monitor.create(new CreateRequest(id, id, bundle, config,
        LogConfig.k8sFile(fx.logPath(id), 0), Stdio.NONE));
    var exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    cli.start(id);
    assertEquals(5, exit.get(10, TimeUnit.SECONDS).exitCode());
    List<LogEntry> logs = new ArrayList<>();
    fx.logConfig(id).reader().read(LogReadOptions.all(), exit, logs::add);
    assertEquals("via-crun\n", new String(logs.get(0).message(), StandardCharsets.UTF_8));
    cli.delete(id, false);
  }

  @Test
  void followSurvivesConmonLogRotation() throws Exception {
    String id = fx.id("rotate");
    LogConfig log = LogConfig.k8sFile(fx.logPath(id), 1500); // ~25 records per file
    MonitoredContainer c = fx.create(id, Stdio.NONE, 0, log, "sh", "-c",
        "i=0; while [ $i -lt 120 ]; do echo line-$i; i=$((i+1)); sleep 0.01; done");
    CompletableFuture<ContainerExit> exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    List<String> lines = new ArrayList<>();
    Thread follower = Thread.ofVirtual().start(() -> log.reader().read(
        new LogReadOptions(true, true, null, null, -1, true), exit,
        e -> lines.add(new String(e.message(), StandardCharsets.UTF_8).strip())));
    fx.runtime.start(id);
    assertEquals(0, exit.get(20, TimeUnit.SECONDS).exitCode());
    follower.join(10_000);
    assertTrue(!follower.isAlive(), "follow ends after the container exited");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      expected.add("line-" + i);
    }
    assertEquals(expected, lines);
    assertTrue(Files.size(fx.logPath(id)) <= 1500, "conmon rotated the file");
  }
}
