package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker exec} with the stock CLI against a real berthd (conmon exec mode + runc exec). */
@ExtendWith(DaemonExtension.class)
class ExecIT {
  private static final String IMG = "busybox:exec";
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

  /** A running container that sleeps (trapping TERM so that stop is quick). */
  private String running(DockerCli docker, String base) {
    String n = base + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    created.add(n);
    CliResult r = docker.run("run", "-d", "--name", n, IMG, "sh", "-c",
        "trap 'exit 0' TERM; while true; do sleep 0.2; done");
    assertEquals(0, r.exitCode(), r::toString);
    return n;
  }

  @Test
  void echo_printsAndExitsZero(DockerCli docker) {
    String c = running(docker, "echo");
    long since = System.currentTimeMillis() / 1000 - 1;
    CliResult r = docker.run("exec", c, "echo", "hi");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("hi", r.out());
    CliResult events = docker.run("events", "--since", Long.toString(since), "--until",
        Long.toString(System.currentTimeMillis() / 1000 + 1), "--filter", "container=" + c,
        "--format", "{{.Action}}|{{.Actor.Attributes.exitCode}}");
    assertEquals("exec_create: echo hi|<no value>\nexec_start: echo hi|<no value>\nexec_die|0",
        events.out().lines().filter(l -> l.startsWith("exec")).collect(java.util.stream.Collectors.joining("\n")),
        events::toString);
  }

  @Test
  void exitCodeAndStderr_arePropagated(DockerCli docker) {
    String c = running(docker, "code");
    CliResult r = docker.run("exec", c, "sh", "-c", "echo out; echo err >&2; exit 42");
    assertEquals(42, r.exitCode(), r::toString);
    assertEquals("out", r.out());
    assertEquals("err", r.stderr().strip());
    CliResult missing = docker.run("exec", c, "nosuch");
    assertEquals(127, missing.exitCode(), missing::toString);
    assertTrue((missing.stdout() + missing.stderr()).contains("executable file not found"), missing::toString);
  }

  @Test
  void envUserAndWorkdir(DockerCli docker) {
    String c = running(docker, "opts");
    CliResult r = docker.run("exec", "-e", "X=1", "-u", "nobody", "-w", "/tmp", c, "sh", "-c",
        "echo $X; id -u; pwd; echo $HOSTNAME");
    assertEquals(0, r.exitCode(), r::toString);
    String[] lines = r.out().split("\n");
    assertEquals("1", lines[0], r::toString);
    assertEquals("65534", lines[1]);
    assertEquals("/tmp", lines[2]);
    assertEquals(docker.run("inspect", "-f", "{{.Config.Hostname}}", c).out(), lines[3]);
    CliResult ghost = docker.run("exec", "-u", "ghost", c, "true");
    assertNotEquals(0, ghost.exitCode(), ghost::toString);
    assertTrue(ghost.stderr().contains("ghost"), ghost::toString);
  }

  @Test
  void stdinIsForwardedAndHalfClosed(DockerCli docker) {
    String c = running(docker, "stdin");
    CliResult r = docker.run("hi\nthere\n".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30),
        "exec", "-i", c, "sh", "-c", "cat; echo after-eof");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("hi\nthere\nafter-eof", r.out());
  }

  /**
   * script(1) waits for its stdin to end (and exits 0 whatever the command did): stdin is a process substitution
   * that the command kills once the CLI is done, and the CLI's exit code is printed.
   */
  private static final String UNDER_A_PTY = """
      exec 3< <(sleep 30)
      s=$!
      script -qec "stty rows 33 cols 111; docker exec -it $1 sh -c 'tty; stty size; exit 3'; echo cli=\\$?; kill $s" \
          /dev/null <&3
      """;

  @Test
  void ttyUnderARealTerminal(DockerCli docker, BerthDaemon d) {
    String c = running(docker, "tty");
    CliResult r = Processes.run(List.of("bash", "-c", UNDER_A_PTY, "bash", c),
        Map.of("DOCKER_HOST", d.host(), "DOCKER_CONFIG", d.work().resolve("docker-config").toString()),
        null, Duration.ofSeconds(30));
    assertTrue(r.stdout().contains("/dev/pts/"), r::toString);
    assertTrue(r.stdout().contains("33 111"), r::toString);
    assertTrue(r.stdout().contains("cli=3"), r::toString);
  }

  @Test
  void detachedExec_isSeenByTopAndInspect(DockerCli docker, BerthDaemon d) throws Exception {
    String c = running(docker, "det");
    CliResult r = docker.run("exec", "-d", c, "sleep", "4242");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.out());
    String top = "";
    for (int i = 0; i < 50 && !top.contains("4242"); i++) {
      top = docker.run("top", c).out();
      Thread.sleep(100);
    }
    assertTrue(top.contains("sleep 4242"), top);
    String ids = docker.run("inspect", "-f", "{{json .ExecIDs}}", c).out();
    assertTrue(ids.matches("\\[\"[0-9a-f]{64}\"]"), ids);
    String execId = ids.substring(2, 66);
    try (RawHttp http = new RawHttp(d.socket())) {
      String json = http.get("/v1.47/exec/" + execId.substring(0, 12) + "/json").body();
      assertTrue(json.contains("\"Running\":true,\"ExitCode\":null"), json);
      assertTrue(json.contains("\"ContainerID\":\"" + docker.run("inspect", "-f", "{{.Id}}", c).out() + "\""), json);
      assertTrue(json.matches("(?s).*\"Pid\":[1-9][0-9]*.*"), json);
    }
  }

  @Test
  void execOnAStoppedContainer_isDockersConflict(DockerCli docker) {
    String c = running(docker, "stopped");
    assertEquals(0, docker.run("stop", "-t", "5", c).exitCode());
    String id = docker.run("inspect", "-f", "{{.Id}}", c).out();
    CliResult r = docker.run("exec", c, "true");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("container " + id + " is not running"), r::toString);
    CliResult none = docker.run("exec", "no-such-" + c, "true");
    assertTrue(none.stderr().contains("No such container: no-such-" + c), none::toString);
  }

  @Test
  void inspectOfAnEndedExec_showsItsExitCode(DockerCli docker, BerthDaemon d) throws Exception {
    String c = running(docker, "insp");
    try (RawHttp http = new RawHttp(d.socket())) {
      RawHttp.Response create = http.send("POST", "/v1.47/containers/" + c + "/exec", "application/json",
          "{\"Cmd\":[\"sh\",\"-c\",\"sleep 0.3; exit 7\"],\"User\":\"nobody\"}");
      assertEquals(201, create.status(), create::toString);
      String execId = create.body().replaceAll("(?s).*\"Id\":\"([0-9a-f]{64})\".*", "$1");
      assertEquals(64, execId.length(), create::toString);
      String before = http.get("/v1.47/exec/" + execId + "/json").body();
      assertTrue(before.contains("\"Running\":false") && before.contains("\"ExitCode\":null"), before);
      assertTrue(before.contains("\"user\":\"nobody\"") && before.contains("\"entrypoint\":\"sh\""), before);
      assertTrue(before.contains("\"DetachKeys\":\"\""), before);
      RawHttp.Response start = http.send("POST", "/v1.47/exec/" + execId + "/start", "application/json",
          "{\"Detach\":true}");
      assertEquals(200, start.status(), start::toString);
      RawHttp.Response twice = http.send("POST", "/v1.47/exec/" + execId + "/start", "application/json",
          "{\"Detach\":true}");
      assertEquals(409, twice.status(), twice::toString);
      assertTrue(twice.body().contains("exec command " + execId + " is already running"), twice::toString);
      String after = "";
      for (int i = 0; i < 50 && !after.contains("\"ExitCode\":7"); i++) {
        Thread.sleep(100);
        after = http.get("/v1.47/exec/" + execId + "/json").body();
      }
      assertTrue(after.contains("\"Running\":false") && after.contains("\"ExitCode\":7"), after);
      RawHttp.Response again = http.send("POST", "/v1.47/exec/" + execId + "/start", "application/json",
          "{\"Detach\":true}");
      assertEquals(409, again.status(), again::toString);
      assertTrue(again.body().contains("exec command " + execId + " has already run"), again::toString);
      assertEquals(404, http.get("/v1.47/exec/" + "f".repeat(64) + "/json").status());
      RawHttp.Response noCmd = http.send("POST", "/v1.47/containers/" + c + "/exec", "application/json", "{}");
      assertEquals(400, noCmd.status(), noCmd::toString);
      assertTrue(noCmd.body().contains("No exec command specified"), noCmd::toString);
    }
    assertEquals("null", docker.run("inspect", "-f", "{{json .ExecIDs}}", c).out());
  }
}
