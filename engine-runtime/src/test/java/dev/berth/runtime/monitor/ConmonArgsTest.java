package dev.berth.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.oci.RuntimeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConmonArgsTest {
  private final MonitorConfig config = new MonitorConfig(Path.of("/usr/bin/conmon"), Path.of("/run/b/exits"),
      Path.of("/run/b/s"), "info", true, Duration.ofSeconds(5));
  private final RuntimeConfig runc = new RuntimeConfig("runc", Path.of("/usr/sbin/runc"), List.of("--debug"),
      Path.of("/run/b/runc"));

  @Test
  void createCommandLine() {
    CreateRequest req = new CreateRequest("c1", "web", Path.of("/var/lib/b/c1"), runc,
        LogConfig.k8sFile(Path.of("/var/lib/b/c1/ctr.log"), 10_000), new Stdio(true, true, false));
    List<String> a = ConmonArgs.create(config, req, config.layout("c1", req.bundle()));
    assertEquals(List.of("/usr/bin/conmon", "--api-version", "1", "-c", "c1", "-u", "c1", "-r", "/usr/sbin/runc",
        "-n", "web", "-b", "/var/lib/b/c1", "-p", "/var/lib/b/c1/pidfile", "-P", "/var/lib/b/c1/conmon.pid",
        "-l", "k8s-file:/var/lib/b/c1/ctr.log", "--exit-dir", "/run/b/exits",
        "--persist-dir", "/var/lib/b/c1/monitor", "--socket-dir-path", "/run/b/s", "--log-size-max", "10000",
        "-i", "--log-level", "info", "--syslog",
        "--runtime-arg", "--root=/run/b/runc", "--runtime-arg", "--debug"), a);
  }

  @Test
  void ttyAndStdinOptions() {
    assertTrue(args(new Stdio(true, false, false)).contains("--leave-stdin-open"), "not StdinOnce");
    assertFalse(args(new Stdio(true, true, false)).contains("--leave-stdin-open"), "StdinOnce");
    List<String> tty = args(new Stdio(true, true, true));
    assertTrue(tty.containsAll(List.of("-i", "-t", "--leave-stdin-open")), "a TTY keeps stdin for reattach");
    List<String> none = args(Stdio.NONE);
    assertFalse(none.contains("-i") || none.contains("-t") || none.contains("--leave-stdin-open"));
    assertFalse(none.contains("--log-size-max"));
  }

  private List<String> args(Stdio stdio) {
    CreateRequest req = new CreateRequest("c1", "", Path.of("/b"), runc, LogConfig.none(), stdio);
    List<String> a = ConmonArgs.create(config, req, config.layout("c1", req.bundle()));
    assertEquals("none", a.get(a.indexOf("-l") + 1));
    assertEquals("c1", a.get(a.indexOf("-n") + 1), "the id names nameless containers");
    return a;
  }

  @Test
  void execCommandLine() {
    ExecRequest req = new ExecRequest("c1", "e1", Path.of("/b/exec/e1"), Path.of("/b/exec/e1/process.json"), runc,
        new Stdio(false, false, true), true);
    ExecLayout layout = new ExecLayout("c1", "e1", req.dir(), config.socketDir());
    List<String> a = ConmonArgs.exec(config, req, layout);
    assertEquals(List.of("/usr/bin/conmon", "--api-version", "1", "-c", "c1", "-u", "e1", "-r", "/usr/sbin/runc",
        "-b", "/b/exec/e1", "-p", "/b/exec/e1/pidfile", "-P", "/b/exec/e1/conmon.pid", "-l", "none",
        "--exit-dir", "/b/exec/e1/exit", "--socket-dir-path", "/run/b/s", "--exec", "--exec-process-spec",
        "/b/exec/e1/process.json", "--exec-attach", "-t", "--log-level", "info", "--syslog",
        "--runtime-arg", "--root=/run/b/runc", "--runtime-arg", "--debug"), a);
    assertEquals(Path.of("/b/exec/e1/exit/c1"), layout.exitFile(), "conmon names exit files after -c");
  }

  @Test
  void socketDirMustLeaveRoomForSunPath() {
    Path longDir = Path.of("/var/run/berth/some/very/long/socket/dir");
    assertThrows(IllegalArgumentException.class,
        () -> MonitorConfig.defaults(Path.of("/x"), longDir));
  }

  @Test
  void logPathsWithColonsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> LogConfig.k8sFile(Path.of("/a:b/log"), 0));
  }
}
