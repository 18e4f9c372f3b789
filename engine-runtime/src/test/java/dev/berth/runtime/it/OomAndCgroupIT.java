package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.runtime.cgroup.CgroupCleaner;
import dev.berth.runtime.cgroup.CgroupStats;
import dev.berth.runtime.cgroup.CgroupStatsReader;
import dev.berth.runtime.cgroup.CgroupV1StatsReader;
import dev.berth.runtime.cgroup.CgroupVersion;
import dev.berth.runtime.cgroup.HostCpu;
import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.monitor.ContainerExit;
import dev.berth.runtime.monitor.ExitTarget;
import dev.berth.runtime.monitor.MonitoredContainer;
import dev.berth.runtime.monitor.Stdio;
import dev.berth.runtime.oci.Signals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** OOM kills under a 32 MiB limit, cgroup statistics of a live container, cgroup removal. */
@Tag("root")
class OomAndCgroupIT {
  private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
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
  void memoryHogIsOomKilled() throws Exception {
    String id = fx.id("oom");
    MonitoredContainer c = fx.create(id, Stdio.NONE, 32L << 20, LogConfig.none(), "sh", "-c",
        "x=aaaaaaaa; while true; do x=$x$x; done");
    Path memory = new CgroupV1StatsReader(CGROUP_ROOT).dir("memory", fx.cgroup(id));
    var exit = fx.exits.watch(ExitTarget.of(c.layout(), memory));
    fx.runtime.start(id);
    ContainerExit e = exit.get(20, TimeUnit.SECONDS);
    assertEquals(137, e.exitCode());
    assertTrue(e.oomKilled());
    assertTrue(Files.exists(c.layout().oomFile()), "conmon's oom marker");
  }

  @Test
  void statsOfARunningContainerThenCgroupRemoval() throws Exception {
    assumeTrue(CgroupVersion.detect(CGROUP_ROOT) == CgroupVersion.V1, "v1 host expected");
    String id = fx.id("stats");
    MonitoredContainer c = fx.create(id, Stdio.NONE, 64L << 20, LogConfig.none(), "sh", "-c",
        "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; sleep 100");
    var exit = fx.exits.watch(ExitTarget.of(c.layout(), null));
    fx.runtime.start(id);
    Thread.sleep(300);
    CgroupStats s = CgroupStatsReader.forRoot(CGROUP_ROOT).read(fx.cgroup(id));
    assertTrue(s.cpu().totalUsage() > 0, s.toString());
    assertFalse(s.cpu().perCpuUsage().isEmpty());
    assertTrue(s.memory().usage() > 0);
    assertEquals(64L << 20, s.memory().limit());
    assertTrue(s.memory().stats().containsKey("total_inactive_file"), s.memory().stats().keySet().toString());
    assertTrue(s.pids().current() >= 1);
    HostCpu host = HostCpu.read(Path.of("/proc/stat"));
    assertTrue(host.systemCpuUsage() > s.cpu().totalUsage());
    assertEquals(Runtime.getRuntime().availableProcessors(), host.onlineCpus());

    fx.runtime.kill(id, Signals.SIGKILL);
    exit.get(10, TimeUnit.SECONDS);
    fx.runtime.delete(id, false);
    Path leaf = CGROUP_ROOT.resolve("memory").resolve(fx.cgroup(id).substring(1));
    assertFalse(Files.exists(leaf), "runc delete removed the leaf cgroup");
    new CgroupCleaner(CGROUP_ROOT).remove(fx.cgroupParent);
    assertFalse(Files.exists(CGROUP_ROOT.resolve("cpu").resolve(fx.cgroupParent.substring(1))));
  }
}
