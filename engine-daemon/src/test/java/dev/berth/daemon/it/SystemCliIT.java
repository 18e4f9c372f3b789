package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stock docker CLI's system commands against a real berthd. */
@ExtendWith(DaemonExtension.class)
class SystemCliIT {

  @Test
  void version_showsServerAtApi150_withoutDowngrade(DockerCli docker) {
    CliResult r = docker.run("version");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("Server: Berth"), r::toString);
    assertTrue(r.stdout().matches("(?s).*Engine:.*API version:\\s+1\\.50 \\(minimum version 1\\.24\\).*"),
        r::toString);
    assertFalse(r.stdout().contains("downgraded"), r::toString);
  }

  @Test
  void info_reportsTheRealHost(DockerCli docker) throws Exception {
    CliResult r = docker.run("info", "--format",
        "{{.KernelVersion}}|{{.NCPU}}|{{.MemTotal}}|{{.OSType}}|{{.Swarm.LocalNodeState}}|{{.Containers}}|{{.ID}}");
    assertEquals(0, r.exitCode(), r::toString);
    String[] f = r.out().split("\\|");
    assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(), f[0]);
    assertEquals(Runtime.getRuntime().availableProcessors(), Integer.parseInt(f[1]));
    String memKb = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
    assertEquals(Long.parseLong(memKb) * 1024, Long.parseLong(f[2]));
    assertEquals("linux", f[3]);
    assertEquals("inactive", f[4]);
    assertEquals("0", f[5]);
    assertFalse(f[6].isEmpty());
  }

  @Test
  void plainInfo_exitsZero(DockerCli docker) {
    CliResult r = docker.run("info");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("Live Restore Enabled: true"), r::toString);
    assertFalse(r.stderr().contains("WARNING: API"), r::toString);
  }

  @Test
  void systemDf_exitsZero(DockerCli docker) {
    CliResult r = docker.run("system", "df");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("Images"), r::toString);
  }

  @Test
  void eventsWithSinceAndUntil_returns(DockerCli docker) {
    CliResult r = docker.run(null, java.time.Duration.ofSeconds(20), "events", "--since", "1m", "--until", "1s");
    assertEquals(0, r.exitCode(), r::toString);
    CliResult unknownKey = docker.run(null, java.time.Duration.ofSeconds(20), "events", "--since", "1m",
        "--until", "1s", "--filter", "bogus=1");
    assertEquals(0, unknownKey.exitCode(), unknownKey::toString); // dockerd ignores unknown event filter keys
  }

  @Test
  void swarmCommands_sayNotAManager(DockerCli docker) {
    CliResult r = docker.run("node", "ls");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("This node is not a swarm manager"), r::toString);
  }

  @Test
  void pluginLs_isEmpty(DockerCli docker) {
    CliResult r = docker.run("plugin", "ls", "-q");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.out());
  }
}
