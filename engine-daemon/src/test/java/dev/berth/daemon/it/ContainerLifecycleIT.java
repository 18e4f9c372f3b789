package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Everyday container commands of the stock CLI against a real berthd with runc and conmon. */
@ExtendWith(DaemonExtension.class)
class ContainerLifecycleIT {
  private static final String IMG = "busybox:ct";
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
  }

  private String name(String base) {
    String n = base + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    created.add(n);
    return n;
  }

  @Test
  void attachingAsTheContainerExits_endsTheStream_neverA500(DockerCli docker) {
    // the process may exit (and conmon with its attach socket go) before the exit is recorded: docker-compose's
    // `run` attaches right after the start; the attach must end like one to a stopped container
    for (int i = 0; i < 15; i++) {
      String id = docker.run("run", "-d", IMG, "true").out();
      CliResult attach = docker.run(null, java.time.Duration.ofSeconds(20), "attach", "--no-stdin", id);
      assertFalse(attach.stderr().contains("connect to") || attach.stderr().contains("No such file"),
          attach::toString);
      docker.run("rm", "-f", id);
    }
  }

  @Test
  void runRm_propagatesTheExitCode(DockerCli docker) {
    CliResult r = docker.run("run", "--rm", IMG, "sh", "-c", "echo out; echo err >&2; exit 3");
    assertEquals(3, r.exitCode(), r::toString);
    assertEquals("out", r.out());
    assertEquals("err", r.stderr().strip());
  }

  @Test
  void rmForce_ofARunningRmContainer_winsOverItsAutoRemove(DockerCli docker) {
    for (int i = 0; i < 4; i++) {
      String id = docker.run("run", "-d", "--rm", IMG, "sleep", "30").out();
      CliResult rm = docker.run("rm", "-f", id);
      assertEquals(0, rm.exitCode(), rm::toString); // not 409 "removal … already in progress"
      assertEquals("", docker.run("ps", "-aq", "--filter", "id=" + id).out());
    }
  }

  @Test
  void runFailures_useDockersExitCodes(DockerCli docker) {
    CliResult notFound = docker.run("run", "--rm", IMG, "nosuch");
    assertEquals(127, notFound.exitCode(), notFound::toString);
    assertTrue(notFound.stderr().contains("executable file not found"), notFound::toString);
    CliResult noImage = docker.run("run", "--rm", "--pull", "never", "nope:none", "true");
    assertEquals(125, noImage.exitCode(), noImage::toString);
    assertTrue(noImage.stderr().contains("No such image"), noImage::toString);
  }

  @Test
  void stdinIsForwardedAndHalfClosed(DockerCli docker) {
    CliResult r = docker.run("hi\n".getBytes(), Duration.ofSeconds(30), "run", "-i", "--rm", IMG, "cat");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("hi", r.out());
  }

  @Test
  void ttyUnderARealTerminal(DockerCli docker, BerthDaemon d) {
    // script(1) needs an open stdin; a process substitution keeps one open without sending anything.
    CliResult r = Processes.run(List.of("bash", "-c", "script -qec \"stty rows 40 cols 100; docker run -it --rm "
        + IMG + " sh -c 'tty; stty size'\" /dev/null < <(sleep 10)"),
        java.util.Map.of("DOCKER_HOST", d.host(), "DOCKER_CONFIG", d.work().resolve("docker-config").toString()),
        null, Duration.ofSeconds(30));
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("/dev/pts/0"), r::toString);
    assertTrue(r.stdout().contains("40 100"), r::toString);
  }

  @Test
  void detachedLogsFollowAndStop(DockerCli docker) {
    String c = name("logs");
    CliResult run = docker.run("run", "-d", "--name", c, IMG, "sh", "-c",
        "trap 'exit 0' TERM; i=0; while true; do echo line $i; i=$((i+1)); sleep 0.1; done");
    assertEquals(0, run.exitCode(), run::toString);
    CliResult logs = docker.run(null, Duration.ofSeconds(3), "logs", "-f", c);
    assertTrue(logs.stdout().startsWith("line 0\nline 1\n"), logs::toString);
    CliResult tail = docker.run("logs", "--tail", "1", c);
    assertTrue(tail.out().matches("line \\d+"), tail::toString);
    assertEquals(0, docker.run("stop", "-t", "5", c).exitCode());
    assertEquals("exited 0", docker.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", c).out());
  }

  @Test
  void psFiltersAndFormat(DockerCli docker) {
    String a = name("psa");
    String b = name("psb");
    docker.run("run", "-d", "--name", a, "--label", "role=web", IMG, "sleep", "60");
    docker.run("create", "--name", b, IMG, "true");
    assertEquals(a, docker.run("ps", "--format", "{{.Names}}", "--filter", "label=role=web").out());
    String all = docker.run("ps", "-a", "--format", "{{.Names}} {{.State}}", "--filter", "name=" + b).out();
    assertEquals(b + " created", all);
    assertEquals("", docker.run("ps", "-q", "--filter", "name=" + b).out());
    assertEquals(a, docker.run("ps", "--filter", "ancestor=" + IMG, "--format", "{{.Names}}",
        "--filter", "name=" + a).out());
  }

  @Test
  void inspectHasDockersShape(DockerCli docker) {
    String c = name("insp");
    docker.run("run", "-d", "--name", c, "-e", "A=1", IMG, "sleep", "60");
    CliResult r = docker.run("inspect", "-f",
        "{{.State.Running}}|{{.Name}}|{{.Config.Image}}|{{index .Config.Env 0}}|{{.HostConfig.NetworkMode}}|"
            + "{{.Path}}|{{json .Args}}|{{.State.Pid}}|{{.RestartCount}}|{{.Driver}}", c);
    String[] f = r.out().split("\\|");
    assertEquals("true", f[0], r::toString);
    assertEquals("/" + c, f[1]);
    assertEquals(IMG, f[2]);
    assertEquals("A=1", f[3]);
    assertEquals("bridge", f[4]);
    assertEquals("sleep", f[5]);
    assertEquals("[\"60\"]", f[6]);
    assertNotEquals("0", f[7]);
    assertEquals("0", f[8]);
    assertEquals("overlay2", f[9]);
    CliResult missing = docker.run("inspect", "nope-" + c);
    assertEquals(1, missing.exitCode());
    assertTrue(missing.stderr().contains("No such object"), missing::toString);
  }

  @Test
  void waitKillRestartRenameAndForceRemove(DockerCli docker) {
    String c = name("life");
    docker.run("run", "-d", "--name", c, IMG, "sh", "-c", "trap 'exit 7' USR1; while true; do sleep 0.1; done");
    assertEquals(0, docker.run("kill", "-s", "USR1", c).exitCode());
    assertEquals("7", docker.run("wait", c).out());
    assertEquals(0, docker.run("restart", "-t", "1", c).exitCode());
    assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", c).out());
    String renamed = name("renamed");
    assertEquals(0, docker.run("rename", c, renamed).exitCode());
    assertEquals("/" + renamed, docker.run("inspect", "-f", "{{.Name}}", renamed).out());
    CliResult rm = docker.run("rm", renamed);
    assertNotEquals(0, rm.exitCode());
    assertTrue(rm.stderr().contains("container is running"), rm::toString);
    assertEquals(0, docker.run("rm", "-f", renamed).exitCode());
    assertEquals(1, docker.run("inspect", renamed).exitCode());
  }

  @Test
  void startAttach(DockerCli docker) {
    String c = name("sa");
    docker.run("create", "--name", c, IMG, "echo", "attached");
    CliResult r = docker.run("start", "-a", c);
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("attached", r.out());
    CliResult again = docker.run("start", c);
    assertEquals(0, again.exitCode(), again::toString);
  }

  @Test
  void nameConflict_isDockersMessage(DockerCli docker) {
    String c = name("dup");
    docker.run("create", "--name", c, IMG, "true");
    CliResult r = docker.run("run", "--name", c, IMG, "true");
    assertEquals(125, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("is already in use by container"), r::toString);
  }

  @Test
  void memoryLimitIsEnforced(DockerCli docker) {
    String c = name("mem");
    CliResult r = docker.run("run", "-d", "--name", c, "-m", "32m", IMG, "sleep", "60");
    assertEquals(0, r.exitCode(), r::toString);
    CliResult limit = docker.run("exec", c, "cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes");
    if (limit.exitCode() == 0) {
      assertEquals(Long.toString(32L << 20), limit.out());
    }
    assertEquals(Long.toString(32L << 20), docker.run("inspect", "-f", "{{.HostConfig.Memory}}", c).out());
    String hog = name("hog");
    CliResult oom = docker.run("run", "--name", hog, "-m", "32m", IMG, "sh", "-c",
        "x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done");
    assertEquals(137, oom.exitCode(), oom::toString);
    assertEquals("true 137", docker.run("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", hog).out());
  }

  @Test
  void pauseFreezesAndUnpauseResumes(DockerCli docker) throws Exception {
    String c = name("pause");
    docker.run("run", "-d", "--name", c, IMG, "sh", "-c", "i=0; while true; do echo $i; i=$((i+1)); sleep 0.05; done");
    Thread.sleep(500);
    assertEquals(0, docker.run("pause", c).exitCode());
    assertEquals("paused", docker.run("inspect", "-f", "{{.State.Status}}", c).out());
    int before = docker.run("logs", c).out().split("\n").length;
    Thread.sleep(700);
    int during = docker.run("logs", c).out().split("\n").length;
    assertEquals(before, during, "no output while paused");
    CliResult again = docker.run("pause", c);
    assertTrue(again.stderr().contains("is already paused"), again::toString);
    assertEquals(0, docker.run("unpause", c).exitCode());
    Thread.sleep(700);
    assertTrue(docker.run("logs", c).out().split("\n").length > during, "output resumes after unpause");
  }

  @Test
  void createRefusesBadSettings_with400sNotAPull(DockerCli docker) {
    String[][] cases = {
        {"-w", "relative", "the working directory 'relative' is invalid, it needs to be an absolute path"},
        {"--stop-signal", "FOO", "Invalid signal: FOO"},
        {"--cap-add", "FOO", "invalid CapAdd: unknown capability: \"CAP_FOO\""},
        {"--cpuset-cpus", "4096", "Requested CPUs are not available - requested 4096"},
        {"--ipc", "container:nosuch", "No such container: nosuch"},
        {"--volumes-from", "nosuch", "No such container: nosuch"},
        {"--link", "nosuch:x", "could not get container for nosuch: No such container: nosuch"},
        {"--runtime", "nosuch", "unknown or invalid runtime name: nosuch"},
        {"--log-driver", "nosuch", "error looking up logging plugin nosuch: plugin \"nosuch\" not found"}};
    for (String[] c : cases) {
      String n = name("bad");
      CliResult r = docker.run("create", "--name", n, c[0], c[1], IMG, "true");
      assertEquals(1, r.exitCode(), r::toString);
      assertTrue(r.stderr().contains(c[2]), r::toString);
      assertTrue(!r.stderr().contains("Unable to find image"), r::toString); // a 404 would make the CLI pull
      assertEquals("", docker.run("ps", "-aq", "--filter", "name=" + n).out(), r::toString);
    }
  }

  @Test
  void createStoresDockerdsDefaults(DockerCli docker) {
    String a = name("dflt");
    assertEquals(0, docker.run("create", "--name", a, "--entrypoint", "", "-w", "/tmp/../etc/", IMG, "true")
        .exitCode());
    assertEquals("null null null /etc", docker.run("inspect", "-f", "{{json .Config.Entrypoint}} "
        + "{{json .HostConfig.PidsLimit}} {{json .HostConfig.MemorySwappiness}} {{.Config.WorkingDir}}", a).out());
    assertTrue(docker.run("inspect", "-f", "{{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}}", a)
        .out().matches("\\[\"/proc/acpi\",.*\"/sys/firmware\".*\\] \\[\"/proc/bus\",.*\\]"));
    String id = docker.run("inspect", "-f", "{{.Id}}", a).out();
    String b = name("shared");
    assertEquals(0, docker.run("create", "--name", b, "--ipc", "container:" + a, "--pid", "host", IMG, "true")
        .exitCode());
    assertEquals("container:" + id + " [\"label=disable\"]",
        docker.run("inspect", "-f", "{{.HostConfig.IpcMode}} {{json .HostConfig.SecurityOpt}}", b).out());
    String p = name("priv");
    assertEquals(0, docker.run("create", "--name", p, "--privileged", IMG, "true").exitCode());
    assertEquals("null [\"label=disable\"]",
        docker.run("inspect", "-f", "{{json .HostConfig.MaskedPaths}} {{json .HostConfig.SecurityOpt}}", p).out());
  }

  @Test
  void psSizeInspectSizeAndSystemDf_countTheWritableLayer(DockerCli docker) {
    String c = name("size");
    assertEquals(0, docker.run("run", "--name", c, IMG, "sh", "-c",
        "dd if=/dev/zero of=/tmp/blob bs=1024 count=100 2>/dev/null").exitCode());
    assertEquals("\"sh -c 'dd if=/dev/zero of=/tmp/blob bs=1024 count=100 2>/dev/null'\" 102kB (virtual",
        docker.run("ps", "-a", "--size", "--no-trunc", "--filter", "name=" + c, "--format", "{{.Command}} {{.Size}}")
            .out().replaceAll(" [0-9.]+MB\\)$", ""));
    String[] sizes = docker.run("inspect", "--size", "-f", "{{.SizeRw}} {{.SizeRootFs}}", c).out().split(" ");
    assertEquals("102400", sizes[0]);
    assertTrue(Long.parseLong(sizes[1]) > 102400, sizes[1]);
    CliResult df = docker.run("system", "df", "-v", "--format", "{{json .Containers}}");
    assertTrue(df.out().contains("\"Names\":\"" + c + "\"") && df.out().contains("\"Size\":\"102kB"), df::toString);
  }

  @Test
  void logsDetails_prefixesTheEmptyAttributes(DockerCli docker) {
    String c = name("details");
    assertEquals(0, docker.run("run", "--name", c, IMG, "echo", "hi").exitCode());
    assertEquals(" hi\n", docker.run("logs", "--details", c).stdout());
    assertTrue(docker.run("logs", "-t", "--details", c).stdout().matches("\\S+Z  hi\n"));
  }
}
