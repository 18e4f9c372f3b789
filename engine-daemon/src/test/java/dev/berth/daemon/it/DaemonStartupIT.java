package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Startup, refusal of a second daemon, config errors, signals: each test starts its own daemons. */
class DaemonStartupIT {
  private Path work;
  private final List<BerthDaemon> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    work = BerthDaemon.newWorkDir("bst-");
  }

  @AfterEach
  void tearDown() {
    started.forEach(BerthDaemon::close);
    BerthDaemon.deleteTree(work);
  }

  private BerthDaemon daemon(String name, String... extra) {
    BerthDaemon d = new BerthDaemon(work.resolve(name), List.of(extra));
    started.add(d);
    return d;
  }

  /** Runs bin/berthd in the foreground and returns how it exited. */
  private static CliResult runBerthd(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(BerthDaemon.home().resolve("bin/berthd").toString());
    cmd.addAll(args);
    return Processes.run(cmd, Map.of(), null, Duration.ofSeconds(30));
  }

  @Test
  void secondDaemonOnSameSocket_refusesAndFirstKeepsServing() {
    BerthDaemon first = daemon("a").start();
    BerthDaemon other = daemon("b").prepare();
    List<String> args = new ArrayList<>(other.args());
    args.set(1, first.host());
    CliResult r = runBerthd(args);
    assertNotEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains(first.socket().toString()), r::toString);
    assertTrue(first.ping(), "first daemon still serves");
    assertEquals(0, first.docker().run("version").exitCode());
  }

  @Test
  void secondDaemonOnSameDataRoot_refusesAndFirstKeepsServing() throws Exception {
    BerthDaemon first = daemon("a").start();
    BerthDaemon other = daemon("b").prepare();
    List<String> args = new ArrayList<>(other.args());
    args.set(3, first.dataRoot().toString());
    CliResult r = runBerthd(args);
    assertNotEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("data root " + first.dataRoot()), r::toString);
    assertTrue(first.ping());
    assertTrue(Files.exists(first.pidfile()), "the first daemon's pidfile is untouched");
  }

  @Test
  void unknownFlag_failsClearly() {
    CliResult r = runBerthd(List.of("--no-such-flag"));
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("unknown flag: --no-such-flag"), r::toString);
  }

  @Test
  void unknownConfigKey_failsWithDockerdMessage() throws Exception {
    BerthDaemon d = daemon("a");
    Files.createDirectories(d.work());
    Files.writeString(d.configFile(), "{\"no-such-key\": true}");
    CliResult r = runBerthd(d.args());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("the following directives don't match any configuration option: no-such-key"),
        r::toString);
  }

  @Test
  void sameSettingInFlagAndFile_fails() throws Exception {
    BerthDaemon d = daemon("a", "--log-level", "debug");
    Files.createDirectories(d.work());
    Files.writeString(d.configFile(), "{\"log-level\": \"warn\"}");
    CliResult r = runBerthd(d.args());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("specified both as a flag and in the configuration file: log-level"),
        r::toString);
  }

  @Test
  void sigterm_removesSocketAndPidfile() {
    BerthDaemon d = daemon("a").start();
    assertTrue(Files.exists(d.pidfile()));
    assertEquals(0, d.stop());
    assertFalse(Files.exists(d.socket()), "socket removed");
    assertFalse(Files.exists(d.pidfile()), "pidfile removed");
  }

  @Test
  void staleSocketAfterCrash_isReplaced() {
    BerthDaemon d = daemon("a").start();
    d.kill();
    assertTrue(Files.exists(d.socket()), "SIGKILL leaves the socket file");
    d.start();
    assertTrue(d.ping());
  }

  @Test
  void socketIsGroupDockerMode0660() throws Exception {
    BerthDaemon d = daemon("a").start();
    assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(d.socket())));
    boolean dockerGroup = Processes.run(List.of("getent", "group", "docker"), Map.of(), null,
        Duration.ofSeconds(5)).exitCode() == 0;
    if (dockerGroup) {
      assertEquals("docker", Files.readAttributes(d.socket(),
          java.nio.file.attribute.PosixFileAttributes.class).group().getName());
    }
  }

  @Test
  void sighup_reloadsLabels() throws Exception {
    BerthDaemon d = daemon("a").start();
    Files.writeString(d.configFile(), "{\"labels\": [\"tier=reloaded\"]}");
    d.signal("HUP");
    String labels = "";
    for (int i = 0; i < 50 && !labels.contains("tier=reloaded"); i++) {
      Thread.sleep(100);
      labels = d.docker().run("info", "--format", "{{json .Labels}}").out();
    }
    assertTrue(labels.contains("tier=reloaded"), labels);
  }

  @Test
  void engineId_isStableAcrossRestarts() {
    BerthDaemon d = daemon("a").start();
    String id = d.docker().run("info", "--format", "{{.ID}}").out();
    d.stop();
    d.start();
    assertEquals(id, d.docker().run("info", "--format", "{{.ID}}").out());
  }

  @Test
  void socketActivation_servesTheInheritedSocket() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-socket-activate")), "needs systemd-socket-activate");
    BerthDaemon d = daemon("a").prepare();
    Path sock = d.work().resolve("act.sock");
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/systemd-socket-activate", "-l", sock.toString(),
        BerthDaemon.home().resolve("bin/berthd").toString()));
    List<String> args = new ArrayList<>(d.args());
    args.set(1, "fd://");
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(d.log().toFile()).start();
    try {
      for (int i = 0; i < 100 && !Files.exists(sock); i++) {
        Thread.sleep(50);
      }
      CliResult r = new DockerCli("unix://" + sock, d.work().resolve("cfg"))
          .run("version", "--format", "{{.Server.APIVersion}}");
      assertEquals(0, r.exitCode(), () -> r + d.logTail(30));
      assertEquals("1.50", r.out());
    } finally {
      p.destroy();
      p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      p.destroyForcibly();
    }
  }
}
