package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code publish-respects-firewall}: published ports work through the host's own socket, with no DNAT rule. */
class FirewallModeIT {

  @Test
  void publishedPortIsServedWithoutDnat() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(DockerCli.available(), "needs the docker CLI");
    Path base = BerthDaemon.newWorkDir("bfw-");
    BerthDaemon d = new BerthDaemon(base.resolve("d"), List.of("--publish-respects-firewall"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try {
      d.start();
      DockerCli docker = d.docker();
      TestImages.importBusybox(docker, base, "busybox:fw");
      CliResult run = docker.run("run", "-d", "--name", "web", "-p", "127.0.0.1:" + port + ":80", "busybox:fw",
          "sh", "-c", "echo served > /index.html && httpd -f -p 80 -h /");
      assertEquals(0, run.exitCode(), () -> run + d.logTail(30));
      CliResult curl = null;
      for (int i = 0; i < 50; i++) {
        curl = Processes.run(List.of("curl", "-s", "--max-time", "2", "http://127.0.0.1:" + port + "/"), Map.of(),
            null, Duration.ofSeconds(5));
        if (curl.out().equals("served")) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals("served", curl.out());
      CliResult rules = Processes.run(List.of("nft", "list", "table", "ip", "berth_" + d.bridge()), Map.of(),
          null, Duration.ofSeconds(5));
      assertFalse(rules.stdout().contains(Integer.toString(port)), "no DNAT element for the port: " + rules);
      docker.run("rm", "-f", "web");
    } finally {
      d.close();
      BerthDaemon.deleteTree(base);
    }
  }
}
