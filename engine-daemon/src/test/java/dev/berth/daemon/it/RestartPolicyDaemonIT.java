package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restart policies across a daemon restart: {@code always} comes back, a container the user stopped does not. */
class RestartPolicyDaemonIT {
  private static final String IMG = "busybox:rp";
  private static final String SLEEPER = "trap 'exit 0' TERM; while true; do sleep 0.2; done";
  private BerthDaemon daemon;
  private DockerCli docker;

  @BeforeEach
  void start() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(DockerCli.available(), "needs the docker CLI");
    daemon = new BerthDaemon(BerthDaemon.newWorkDir("brp-"), List.of()).prepare();
    // without live-restore the daemon stops its containers when it stops: policies bring them back at start
    java.nio.file.Files.writeString(daemon.configFile(), "{\"live-restore\": false}\n");
    daemon.start();
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
  void alwaysContainersRunAgainAfterADaemonRestart() throws Exception {
    assertEquals(0, docker.run("run", "-d", "--restart", "always", "--name", "up", IMG, "sh", "-c", SLEEPER)
        .exitCode());
    assertEquals(0, docker.run("run", "-d", "--restart", "unless-stopped", "--name", "down", IMG, "sh", "-c",
        SLEEPER).exitCode());
    assertEquals(0, docker.run("stop", "down").exitCode());
    String started = docker.run("inspect", "-f", "{{.State.StartedAt}}", "up").out();
    daemon.stop();
    daemon.start();
    String status = "";
    for (int i = 0; i < 50 && !status.equals("running"); i++) {
      Thread.sleep(100);
      status = docker.run("inspect", "-f", "{{.State.Status}}", "up").out();
    }
    assertEquals("running", status);
    assertNotEquals(started, docker.run("inspect", "-f", "{{.State.StartedAt}}", "up").out(), "a new run");
    assertEquals("exited", docker.run("inspect", "-f", "{{.State.Status}}", "down").out());
  }
}
