package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roots reached through a symlink (/var/run → /run on most systems) still run containers: runc needs real paths. */
class SymlinkedRootsIT {

  @Test
  void containersRunWhenTheRootsGoThroughASymlink() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(DockerCli.available(), "needs the docker CLI");
    Path base = BerthDaemon.newWorkDir("bsl-");
    Path real = Files.createDirectories(base.resolve("real"));
    Path link = Files.createSymbolicLink(base.resolve("link"), real);
    BerthDaemon d = new BerthDaemon(base.resolve("d"), List.of("--data-root", link.resolve("data").toString(),
        "--exec-root", link.resolve("exec").toString()));
    try {
      d.start();
      TestImages.importBusybox(d.docker(), base, "busybox:sl");
      CliResult r = d.docker().run("run", "--rm", "busybox:sl", "echo", "ok");
      assertEquals(0, r.exitCode(), () -> r + d.logTail(30));
      assertEquals("ok", r.out());
    } finally {
      d.close();
      BerthDaemon.deleteTree(base);
    }
  }
}
