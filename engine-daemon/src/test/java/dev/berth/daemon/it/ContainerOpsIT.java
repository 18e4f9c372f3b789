package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker stats}, {@code docker update}, restart policies and health checks with the stock CLI. */
@ExtendWith(DaemonExtension.class)
class ContainerOpsIT {
  private static final String IMG = "busybox:ops";
  private static final String SLEEPER = "trap 'exit 0' TERM; while true; do sleep 0.2; done";
  private final List<String> created = new ArrayList<>();

  @BeforeAll
  static void image(DockerCli docker, @TempDir Path dir) {
    TestImages.importBusybox(docker, dir, IMG);
  }

  @AfterEach
  void cleanup(DockerCli docker) {
    for (String c : created) {
      docker.run("rm", "-f", c);
    }
    created.clear();
  }

  private String name(String base) {
    String n = base + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    created.add(n);
    return n;
  }

  private static String inspect(DockerCli docker, String c, String format) {
    return docker.run("inspect", "-f", format, c).out();
  }

  private static String await(DockerCli docker, String c, String format, Predicate<String> ok, long millis)
      throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    String v = inspect(docker, c, format);
    while (!ok.test(v) && System.currentTimeMillis() < end) {
      Thread.sleep(100);
      v = inspect(docker, c, format);
    }
    return v;
  }

  @Test
  void createWithOtherPlatform_treatsTheLocalImageAsMissing(DockerCli docker) {
    String arch = docker.run("image", "inspect", "-f", "{{.Architecture}}", IMG).out();
    String other = arch.equals("arm64") ? "linux/amd64" : "linux/arm64";
    CliResult same = docker.run("create", "--name", name("plat"), "--platform", "linux/" + arch, IMG, "true");
    assertEquals(0, same.exitCode(), same::toString);
    CliResult miss = docker.run("create", "--name", name("plat"), "--platform", other, "--pull", "never", IMG,
        "true");
    assertEquals(1, miss.exitCode(), miss::toString);
    assertTrue(miss.stderr().contains("image with reference " + IMG + " was found but does not match the "
        + "specified platform: wanted " + other + ", actual: linux/" + arch), miss::toString);
  }

  @Test
  void stats_showsMemoryAndBusyCpu(DockerCli docker) {
    String c = name("busy");
    CliResult r = docker.run("run", "-d", "--name", c, IMG, "sh", "-c", "while :; do :; done");
    assertEquals(0, r.exitCode(), r::toString);
    CliResult s = docker.run("stats", "--no-stream", "--format", "{{.CPUPerc}}|{{.MemUsage}}|{{.PIDs}}", c);
    assertEquals(0, s.exitCode(), s::toString);
    String[] f = s.out().split("\\|");
    double cpu = Double.parseDouble(f[0].replace("%", ""));
    assertTrue(cpu > 20, s::toString);
    assertFalse(f[1].startsWith("0B"), s::toString);
    assertTrue(Integer.parseInt(f[2].strip()) >= 1, s::toString);
  }

  @Test
  void update_memory_reachesInspectAndCgroup(DockerCli docker) throws Exception {
    String c = name("upd");
    assertEquals(0, docker.run("run", "-d", "--name", c, IMG, "sh", "-c", SLEEPER).exitCode());
    CliResult u = docker.run("update", "--memory", "64m", "--pids-limit", "50", c);
    assertEquals(0, u.exitCode(), u::toString);
    assertEquals("67108864 50", inspect(docker, c, "{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}"));
    String pid = inspect(docker, c, "{{.State.Pid}}");
    String memLine = Files.readAllLines(Path.of("/proc", pid, "cgroup")).stream()
        .filter(l -> l.split(":")[1].equals("memory")).findFirst().orElseThrow();
    Path limit = Path.of("/sys/fs/cgroup/memory" + memLine.split(":", 3)[2], "memory.limit_in_bytes");
    assertEquals("67108864", Files.readString(limit).strip());
  }

  @Test
  void onFailure_stopsAfterMaxRetries(DockerCli docker) throws Exception {
    String c = name("onfail");
    assertEquals(0, docker.run("run", "-d", "--restart", "on-failure:2", "--name", c, IMG, "sh", "-c", "exit 1")
        .exitCode());
    String v = await(docker, c, "{{.State.Status}} {{.RestartCount}}", "exited 2"::equals, 15_000);
    assertEquals("exited 2", v);
    Thread.sleep(700);
    assertEquals("exited 2", inspect(docker, c, "{{.State.Status}} {{.RestartCount}}"));
  }

  @Test
  void always_restartsAfterDeathButNotAfterStop(DockerCli docker) throws Exception {
    String c = name("always");
    assertEquals(0, docker.run("run", "-d", "--restart", "always", "--name", c, IMG, "sh", "-c", SLEEPER)
        .exitCode());
    String pid = inspect(docker, c, "{{.State.Pid}}");
    Processes.run(List.of("kill", "-9", pid), java.util.Map.of(), null, java.time.Duration.ofSeconds(5));
    String v = await(docker, c, "{{.State.Status}} {{.RestartCount}}", "running 1"::equals, 10_000);
    assertEquals("running 1", v);
    CliResult stop = docker.run("stop", c);
    assertEquals(0, stop.exitCode(), stop::toString);
    Thread.sleep(1000);
    assertEquals("exited 1", inspect(docker, c, "{{.State.Status}} {{.RestartCount}}"));
    assertEquals(0, docker.run("start", c).exitCode());
    assertEquals(0, docker.run("kill", c).exitCode()); // dockerd: a kill is the user's, no restart either
    Thread.sleep(1000);
    assertEquals("exited 0", inspect(docker, c, "{{.State.Status}} {{.RestartCount}}"));
  }

  @Test
  void health_goesHealthyOrUnhealthy(DockerCli docker) throws Exception {
    String ok = name("healthy");
    String bad = name("sick");
    assertEquals(0, docker.run("run", "-d", "--name", ok, "--health-cmd", "echo alive", "--health-interval",
        "500ms", IMG, "sh", "-c", SLEEPER).exitCode());
    assertEquals(0, docker.run("run", "-d", "--name", bad, "--health-cmd", "exit 1", "--health-interval",
        "300ms", "--health-retries", "2", IMG, "sh", "-c", SLEEPER).exitCode());
    assertEquals("starting", inspect(docker, ok, "{{.State.Health.Status}}"));
    assertEquals("healthy", await(docker, ok, "{{.State.Health.Status}}", "healthy"::equals, 10_000));
    assertEquals("unhealthy", await(docker, bad, "{{.State.Health.Status}}", "unhealthy"::equals, 10_000));
    assertEquals("alive", inspect(docker, ok, "{{(index .State.Health.Log 0).Output}}").strip());
    assertTrue(Integer.parseInt(inspect(docker, bad, "{{.State.Health.FailingStreak}}")) >= 2);
    CliResult ps = docker.run("ps", "--filter", "health=healthy", "--format", "{{.Names}} {{.Status}}");
    assertTrue(ps.out().lines().anyMatch(l -> l.startsWith(ok + " Up ") && l.endsWith("(healthy)")), ps::toString);
    CliResult psBad = docker.run("ps", "--filter", "health=unhealthy", "--format", "{{.Names}}");
    assertEquals(bad, psBad.out(), psBad::toString);
  }

  @Test
  void update_checksLimitsAndStoresUnlimitedPidsAsZero(DockerCli docker) {
    String c = name("updchk");
    assertEquals(0, docker.run("run", "-d", "--name", c, "--pids-limit", "40", IMG, "sh", "-c", SLEEPER)
        .exitCode());
    CliResult small = docker.run("update", "--memory", "1m", c);
    assertEquals(1, small.exitCode(), small::toString);
    assertTrue(small.stderr().contains("Minimum memory limit allowed is 6MB"), small::toString);
    assertEquals(0, docker.run("update", "--pids-limit", "-1", c).exitCode());
    assertEquals("0", inspect(docker, c, "{{.HostConfig.PidsLimit}}"));
  }
  @Test
  void blkioWeight_isDiscardedWithAWarning_whenTheKernelLacksIt(DockerCli docker) {
    var support = dev.berth.runtime.spec.BlkioSupport.detect();
    String c = name("blkio");
    CliResult r = docker.run("create", "--name", c, "--blkio-weight", "5", "--blkio-weight-device", "/dev/null:200",
        IMG, "true");
    if (support.weight()) {
      assertEquals(1, r.exitCode(), r::toString);
      assertTrue(r.stderr().contains("Range of blkio weight is from 10 to 1000"), r::toString);
      return;
    }
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("WARNING: Your kernel does not support Block I/O weight or the cgroup is not "
        + "mounted. Weight discarded."), r::toString);
    assertEquals(support.weightDevice(), !r.stderr().contains("Weight-device discarded."), r::toString);
    assertEquals("0", inspect(docker, c, "{{.HostConfig.BlkioWeight}}"));
    if (!support.weightDevice()) {
      assertEquals("[]", inspect(docker, c, "{{.HostConfig.BlkioWeightDevice}}"));
    }
    assertEquals(0, docker.run("start", c).exitCode());
    CliResult u = docker.run("update", "--blkio-weight", "300", c);
    assertEquals(0, u.exitCode(), u::toString);
    assertTrue(u.stdout().contains("Weight discarded."), u::toString); // the CLI prints update warnings on stdout
    assertEquals("0", inspect(docker, c, "{{.HostConfig.BlkioWeight}}"));
  }
}
