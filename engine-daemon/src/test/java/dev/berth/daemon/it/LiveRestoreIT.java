package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Containers outlive a crashed daemon; a restarted daemon reconnects; nothing leaks. */
class LiveRestoreIT {
  private static final String IMG = "busybox:lr";
  private BerthDaemon daemon;
  private DockerCli docker;

  @BeforeEach
  void start() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(DockerCli.available(), "needs the docker CLI");
    daemon = new BerthDaemon(BerthDaemon.newWorkDir("blr-"), List.of()).start();
    docker = daemon.docker();
    TestImages.importBusybox(docker, daemon.work(), IMG);
  }

  @AfterEach
  void stop() {
    if (daemon == null) {
      return;
    }
    if (!daemon.ping()) {
      daemon.start();
    }
    String ids = docker.run("ps", "-aq").out();
    for (String id : ids.isEmpty() ? new String[0] : ids.split("\\s+")) {
      docker.run("rm", "-f", id);
    }
    daemon.close();
    BerthDaemon.deleteTree(daemon.work());
  }

  @Test
  void containersSurviveADaemonCrash_withLogsAndExitCodes() throws Exception {
    CliResult counter = docker.run("run", "-d", "--name", "counter", IMG, "sh", "-c",
        "trap 'exit 0' TERM; i=0; while true; do echo $i; i=$((i+1)); sleep 0.1; done");
    assertEquals(0, counter.exitCode(), counter::toString);
    assertEquals(0, docker.run("run", "-d", "--name", "short", IMG, "sh", "-c", "sleep 1; exit 5").exitCode());
    Thread.sleep(500);
    daemon.kill();
    Thread.sleep(2500);
    daemon.start();
    assertEquals("running", docker.run("inspect", "-f", "{{.State.Status}}", "counter").out());
    assertEquals("exited 5", docker.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "short").out());
    String[] lines = docker.run("logs", "counter").out().split("\n");
    assertTrue(lines.length >= 25, "the counter kept logging while the daemon was down: " + lines.length);
    for (int i = 0; i < lines.length; i++) {
      assertEquals(Integer.toString(i), lines[i], "no gap in the logs");
    }
    assertEquals(0, docker.run("stop", "counter").exitCode());
    assertEquals("exited 0", docker.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "counter")
        .out());
  }

  @Test
  void healthSurvivesADaemonRestart() throws Exception {
    // healthy within the 1 s start period (probes every 100 ms), then the next probe is a minute away: after the
    // restart, only the saved state can say healthy
    assertEquals(0, docker.run("run", "-d", "--name", "doc", "--health-cmd", "true", "--health-interval", "60s",
        "--health-start-period", "1s", "--health-start-interval", "100ms", IMG, "sleep", "120").exitCode());
    String status = "";
    for (int i = 0; i < 50 && !status.equals("healthy"); i++) {
      Thread.sleep(100);
      status = docker.run("inspect", "-f", "{{.State.Health.Status}}", "doc").out();
    }
    assertEquals("healthy", status);
    Thread.sleep(1200);
    daemon.kill();
    daemon.start();
    assertEquals("healthy", docker.run("inspect", "-f", "{{.State.Health.Status}}", "doc").out(),
        "a live-restored container keeps its health instead of starting over");
    assertTrue(docker.run("ps", "--filter", "health=healthy", "-q").out().length() > 0);
  }

  @Test
  void linkAliasesOnAUserNetwork_stillResolveAfterADaemonCrash() throws Exception {
    assertEquals(0, docker.run("network", "create", "lrnet").exitCode());
    try {
      String loop = "trap 'exit 0' TERM; while true; do sleep 0.2; done";
      assertEquals(0, docker.run("run", "-d", "--name", "target", "--network", "lrnet", IMG, "sh", "-c", loop)
          .exitCode());
      assertEquals(0, docker.run("run", "-d", "--name", "client", "--network", "lrnet", "--link", "target:db", IMG,
          "sh", "-c", loop).exitCode());
      String ip = docker.run("inspect", "-f", "{{.NetworkSettings.Networks.lrnet.IPAddress}}", "target").out();
      CliResult before = docker.run("exec", "client", "nslookup", "db");
      assertTrue(before.stdout().contains("Address: " + ip), before::toString);
      daemon.kill();
      daemon.start();
      CliResult after = docker.run("exec", "client", "nslookup", "db");
      assertTrue(after.stdout().contains("Address: " + ip), after::toString);
    } finally {
      docker.run("rm", "-f", "client", "target");
      docker.run("network", "rm", "lrnet");
    }
  }

  @Test
  void manyShortRuns_leaveNothingBehind() throws Exception {
    for (int i = 0; i < 20; i++) {
      CliResult r = docker.run("run", "--rm", IMG, "true");
      assertEquals(0, r.exitCode(), r::toString);
    }
    assertEquals("", docker.run("ps", "-aq").out());
    String mounts = Files.readString(Path.of("/proc/self/mounts"));
    assertTrue(!mounts.contains(daemon.work().toString()), "no mounts left under " + daemon.work());
    Path runc = daemon.execRoot().resolve("runtime/runc");
    if (Files.isDirectory(runc)) {
      try (Stream<Path> s = Files.list(runc)) {
        assertEquals(0, s.count(), "no runc state left");
      }
    }
    CliResult conmons = Processes.run(List.of("pgrep", "-f", "conmon.*" + daemon.work()), java.util.Map.of(),
        null, Duration.ofSeconds(5));
    assertEquals("", conmons.out(), "no conmon processes left");
    try (Stream<Path> s = Files.list(daemon.execRoot().resolve("containers"))) {
      assertEquals(0, s.count(), "no bundles left");
    }
  }
}
