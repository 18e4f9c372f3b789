package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ExecConfig;
import org.testcontainers.containers.FixedHostPortGenericContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.SelinuxContext;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.output.ToStringConsumer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Testcontainers for Java (and the docker-java it brings) against a real berthd on a UNIX socket: discovery and
 * its own checks, GenericContainer with ports, env, labels and wait strategies, exec, copies, binds, tmpfs, logs,
 * networks with aliases, images from a Dockerfile, pulls, and create-command modifiers.
 *
 * <p>Testcontainers finds the daemon through docker-java's {@code DOCKER_HOST} system property: the test
 * classpath's {@code testcontainers.properties} sets {@code dockerconfig.source=autoIgnoringUserProperties}, so
 * neither the developer's environment nor {@code ~/.testcontainers.properties} can point it elsewhere, and maps
 * Testcontainers' "tiny image" (alpine) to the busybox imported here. Ryuk (an image from Docker Hub) is off
 * through {@code TESTCONTAINERS_RYUK_DISABLED}, which failsafe sets. Testcontainers keeps one client per JVM, so
 * this is the only IT class that may use it.
 */
@ExtendWith(DaemonExtension.class)
class TestcontainersIT {
  private static final DockerImageName IMG = DockerImageName.parse("busybox:tc");
  private static final String SERVER = "echo ready; exec nc -ll -p 8080 -e echo hi";

  @BeforeAll
  static void pointTestcontainersAtBerth(BerthDaemon daemon, DockerCli docker, @TempDir Path dir) {
    assertEquals("true", System.getenv("TESTCONTAINERS_RYUK_DISABLED"),
        "run through failsafe, which disables Ryuk (no Docker Hub here)");
    TestImages.importBusybox(docker, dir, IMG.asCanonicalNameString());
    System.setProperty("DOCKER_HOST", daemon.host());
  }

  @AfterAll
  static void forget() {
    System.clearProperty("DOCKER_HOST");
  }

  private static GenericContainer<?> server() {
    return new GenericContainer<>(IMG).withCommand("sh", "-c", SERVER).withExposedPorts(8080)
        .waitingFor(Wait.forLogMessage("ready.*", 1));
  }

  private static GenericContainer<?> sleeper() {
    return new GenericContainer<>(IMG).withCommand("sleep", "60");
  }

  private static String readFrom(String host, int port) throws IOException {
    try (Socket s = new Socket(host, port)) {
      s.setSoTimeout(5000);
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  private static String out(GenericContainer<?> c, String... cmd) throws Exception {
    ExecResult r = c.execInContainer(cmd);
    assertEquals(0, r.getExitCode(), r::toString);
    return r.getStdout().strip();
  }

  @Test
  void discovery_readsInfoVersionAndPassesTheFileMountCheck(BerthDaemon daemon) {
    DockerClientFactory f = DockerClientFactory.instance();
    assertTrue(f.isDockerAvailable());
    assertEquals(daemon.host(), f.getTransportConfig().getDockerHost().toString());
    assertNotNull(f.getInfo().getServerVersion());
    assertNotNull(f.getActiveApiVersion());
    assertTrue(f.isFileMountingSupported(), "binds a file into the tiny image and copies it back out");
  }

  @Test
  void genericContainer_portsEnvLabelsWaitsAndCloseRemoves(DockerCli docker) throws Exception {
    String id;
    try (GenericContainer<?> c = server().withEnv("GREETING", "hello").withLabel("dev.berth.it", "tc")) {
      c.start();
      id = c.getContainerId();
      Wait.forListeningPort().waitUntilReady(c);
      assertEquals("hi", readFrom(c.getHost(), c.getMappedPort(8080)));
      assertEquals("hi", readFrom("127.0.0.1", c.getMappedPort(8080)));
      InspectContainerResponse info = c.getContainerInfo();
      assertEquals("tc", info.getConfig().getLabels().get("dev.berth.it"));
      assertTrue(List.of(info.getConfig().getEnv()).contains("GREETING=hello"));
      assertEquals("hello", out(c, "sh", "-c", "echo $GREETING"));
    }
    assertNotEquals(0, docker.run("inspect", id).exitCode(), "close() removes the container");
  }

  @Test
  void fixedHostPort_andListeningPortWait() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (FixedHostPortGenericContainer<?> c = new FixedHostPortGenericContainer<>(IMG.asCanonicalNameString())) {
      c.withFixedExposedPort(port, 8080).withCommand("sh", "-c", SERVER).waitingFor(Wait.forListeningPort());
      c.start();
      assertEquals(port, c.getMappedPort(8080));
      assertEquals("hi", readFrom(c.getHost(), port));
    }
  }

  @Test
  void exec_exitCodeStreamsUserAndWorkdir() throws Exception {
    try (GenericContainer<?> c = sleeper().withWorkingDirectory("/tmp")) {
      c.start();
      ExecResult r = c.execInContainer("sh", "-c", "echo out; echo err >&2; exit 3");
      assertEquals(3, r.getExitCode());
      assertEquals("out", r.getStdout().strip());
      assertEquals("err", r.getStderr().strip());
      assertEquals("/tmp", out(c, "pwd"));
      assertEquals("65534", c.execInContainerWithUser("nobody", "id", "-u").getStdout().strip());
      ExecResult configured = c.execInContainer(ExecConfig.builder().command(new String[] {"sh", "-c", "echo $X $PWD"})
          .envVars(Map.of("X", "set")).workDir("/etc").user("nobody").build());
      assertEquals("set /etc", configured.getStdout().strip(), configured::toString);
    }
  }

  @Test
  void copies_bindsVolumesAndTmpfs(@TempDir Path dir) throws Exception {
    Path bound = Files.createDirectories(dir.resolve("bound"));
    Files.writeString(bound.resolve("bound.txt"), "from the host\n");
    Path local = Files.writeString(dir.resolve("local.txt"), "copied in\n");
    try (GenericContainer<?> c = sleeper()
        .withCopyToContainer(Transferable.of("before start\n"), "/etc/pre.txt")
        .withFileSystemBind(bound.toString(), "/bound", BindMode.READ_ONLY)
        .withClasspathResourceMapping("testcontainers.properties", "/cp.properties", BindMode.READ_ONLY,
            SelinuxContext.SHARED)
        .withTmpFs(Map.of("/scratch", "rw,size=1m"))
        .withCreateContainerCmdModifier(cmd -> {
          List<Bind> binds = new ArrayList<>(List.of(cmd.getHostConfig().getBinds()));
          binds.add(new Bind("tc-named", new Volume("/named")));
          cmd.getHostConfig().withBinds(binds);
        })) {
      c.start();
      c.copyFileToContainer(MountableFile.forHostPath(local), "/tmp/in/local.txt");
      c.copyFileToContainer(Transferable.of("transferable\n"), "/tmp/t.txt");
      c.copyFileToContainer(MountableFile.forHostPath(bound), "/tmp/dir");
      c.copyFileToContainer(MountableFile.forHostPath(local, 0750), "/tmp/mode.txt");
      assertEquals("from the host", out(c, "cat", "/tmp/dir/bound.txt"));
      assertEquals("750", out(c, "stat", "-c", "%a", "/tmp/mode.txt"));
      assertEquals("before start", out(c, "cat", "/etc/pre.txt"));
      assertEquals("copied in", out(c, "cat", "/tmp/in/local.txt"));
      assertEquals("from the host", out(c, "cat", "/bound/bound.txt"));
      assertNotEquals(0, c.execInContainer("touch", "/bound/x").getExitCode(), "read-only bind");
      assertTrue(out(c, "cat", "/cp.properties").contains("dockerconfig.source"));
      assertTrue(out(c, "grep", " /scratch ", "/proc/mounts").startsWith("tmpfs"));
      assertTrue(c.getContainerInfo().getMounts().stream().anyMatch(m -> "tc-named".equals(m.getName())));
      assertEquals("transferable\n", c.copyFileFromContainer("/tmp/t.txt",
          (InputStream in) -> new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      c.copyFileFromContainer("/tmp/in/local.txt", dir.resolve("back.txt").toString());
      assertEquals("copied in\n", Files.readString(dir.resolve("back.txt")));
      assertThrows(NotFoundException.class, () -> c.copyFileFromContainer("/nope", InputStream::readAllBytes));
    } finally {
      DockerClientFactory.instance().client().removeVolumeCmd("tc-named").exec();
    }
  }

  @Test
  void logs_followedFetchedAndTty() throws Exception {
    ToStringConsumer followed = new ToStringConsumer();
    try (GenericContainer<?> c = new GenericContainer<>(IMG)
        .withCommand("sh", "-c", "echo one; echo two >&2; echo ready; exec sleep 60")
        .waitingFor(Wait.forLogMessage("ready\\n", 1))) {
      c.start();
      c.followOutput(followed);
      assertTrue(c.getLogs(OutputType.STDOUT).contains("one"), c.getLogs());
      assertTrue(c.getLogs(OutputType.STDERR).contains("two"), c.getLogs());
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!followed.toUtf8String().contains("ready") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(followed.toUtf8String().contains("one\n"), followed.toUtf8String());
    }
    try (GenericContainer<?> c = new GenericContainer<>(IMG).withCommand("sh", "-c", "echo tty; exec sleep 60")
        .withCreateContainerCmdModifier(cmd -> cmd.withTty(true)).waitingFor(Wait.forLogMessage("tty.*", 1))) {
      c.start();
      assertTrue(c.getLogs().contains("tty\r\n"), c.getLogs());
    }
  }

  @Test
  void network_aliasesResolveBetweenContainers() throws Exception {
    try (Network net = Network.newNetwork();
         GenericContainer<?> a = server().withNetwork(net).withNetworkAliases("greeter");
         GenericContainer<?> b = sleeper().withNetwork(net)) {
      a.start();
      b.start();
      assertEquals("hi", out(b, "sh", "-c", "nc greeter 8080 </dev/null"));
    }
  }

  @Test
  void waitStrategies_healthcheckHttpAndOneShot() throws Exception {
    HealthCheck check = new HealthCheck().withTest(List.of("CMD-SHELL", "test -f /tmp/ok"))
        .withInterval(100_000_000L).withTimeout(1_000_000_000L).withRetries(50);
    try (GenericContainer<?> c = new GenericContainer<>(IMG)
        .withCommand("sh", "-c", "sleep 0.3; touch /tmp/ok; exec sleep 60")
        .withCreateContainerCmdModifier(cmd -> cmd.withHealthcheck(check)).waitingFor(Wait.forHealthcheck())) {
      c.start();
      assertEquals("healthy", c.getCurrentContainerInfo().getState().getHealth().getStatus());
    }
    try (GenericContainer<?> c = new GenericContainer<>(IMG)
        .withCommand("sh", "-c", "mkdir /www && echo page > /www/index.html && exec httpd -f -p 80 -h /www")
        .withExposedPorts(80)
        .waitingFor(Wait.forHttp("/index.html").forResponsePredicate(body -> body.strip().equals("page")))) {
      c.start();
    }
    try (GenericContainer<?> c = new GenericContainer<>(IMG).withCommand("sh", "-c", "echo done")
        .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(10)))) {
      c.start();
      assertEquals("done\n", c.getLogs());
    }
  }

  @Test
  void imageFromDockerfile_onTheLocalImage_withCreateModifier(DockerCli docker) throws Exception {
    String tag = "berth-tc-built:latest";
    ImageFromDockerfile image = new ImageFromDockerfile(tag, false).withDockerfileFromBuilder(b -> b
        .from(IMG.asCanonicalNameString()).run("echo built > /built").cmd("sleep", "60").build());
    try (GenericContainer<?> c = new GenericContainer<>(image)
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName("modified"))) {
      c.start();
      assertEquals("built", out(c, "cat", "/built"));
      assertEquals("modified", out(c, "hostname"));
    } finally {
      docker.run("rmi", "-f", tag);
    }
  }

  @Test
  void imageFromDockerfile_contextBuildArgsAndTarget(DockerCli docker, @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/f.txt"), "ctx file\n");
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox:tc AS base\nARG GREETING=none\n"
        + "RUN echo $GREETING > /greeting\nCOPY sub/f.txt /f.txt\nFROM base AS final\nRUN echo final > /final\n");
    String tag = "berth-tc-args:latest";
    new ImageFromDockerfile(tag, false).withFileFromPath(".", dir).withBuildArg("GREETING", "hello")
        .withTarget("base").get();
    try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(tag)).withCommand("sleep", "60")) {
      c.start();
      assertEquals("hello", out(c, "cat", "/greeting"));
      assertEquals("ctx file", out(c, "cat", "/f.txt"));
      assertNotEquals(0, c.execInContainer("cat", "/final").getExitCode(), "the final stage is not built");
    } finally {
      docker.run("rmi", "-f", tag);
    }
  }

  @Test
  void pull_alwaysFromALocalRegistry(DockerCli docker) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestRegistry.available(), "docker-registry is not installed");
    try (TestRegistry reg = TestRegistry.start(false)) {
      String ref = reg.host() + "/tc/busybox:pulled";
      assertEquals(0, docker.run("tag", IMG.asCanonicalNameString(), ref).exitCode());
      assertEquals(0, docker.run("push", ref).exitCode());
      assertEquals(0, docker.run("rmi", ref).exitCode());
      try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(ref)).withCommand("sleep", "60")
          .withImagePullPolicy(PullPolicy.alwaysPull())) {
        c.start();
        assertEquals(ref, c.getContainerInfo().getConfig().getImage());
      } finally {
        docker.run("rmi", ref);
      }
    }
  }

  /** The docker-java commands tests reach through {@code getDockerClient()}, with the shapes it parses. */
  @Test
  void dockerClient_commandsTestsCallDirectly() throws Exception {
    try (GenericContainer<?> c = sleeper().withCopyToContainer(Transferable.of("x"), "/etc/added.txt")) {
      c.start();
      DockerClient client = c.getDockerClient();
      String id = c.getContainerId();
      long started = System.currentTimeMillis() / 1000 - 1;
      assertTrue(client.topContainerCmd(id).exec().getProcesses()[0][7].startsWith("sleep"));
      StatsCallback stats = client.statsCmd(id).withNoStream(true).exec(new StatsCallback());
      stats.awaitCompletion(10, TimeUnit.SECONDS);
      assertTrue(stats.got.getMemoryStats().getUsage() > 0, String.valueOf(stats.got));
      assertTrue(client.containerDiffCmd(id).exec().stream().anyMatch(d -> d.getPath().equals("/etc/added.txt")));
      client.pauseContainerCmd(id).exec();
      assertTrue(client.inspectContainerCmd(id).exec().getState().getPaused());
      client.unpauseContainerCmd(id).exec();
      client.renameContainerCmd(id).withName("tc-renamed").exec();
      client.updateContainerCmd(id).withMemory(64L << 20).withMemorySwap(-1L).exec();
      InspectContainerResponse info = client.inspectContainerCmd(id).exec();
      assertEquals("/tc-renamed", info.getName());
      assertEquals(64L << 20, info.getHostConfig().getMemory());
      String image = client.commitCmd(id).withRepository("berth-tc-commit").withTag("v1").exec();
      client.tagImageCmd("berth-tc-commit:v1", "berth-tc-commit", "v2").exec();
      assertEquals(image, client.inspectImageCmd("berth-tc-commit:v2").exec().getId());
      client.removeImageCmd("berth-tc-commit:v2").exec();
      client.removeImageCmd("berth-tc-commit:v1").exec();
      String net = client.createNetworkCmd().withName("tc-net").exec().getId();
      client.connectToNetworkCmd().withNetworkId(net).withContainerId(id).exec();
      assertTrue(client.inspectNetworkCmd().withNetworkId("tc-net").exec().getContainers().containsKey(id));
      client.disconnectFromNetworkCmd().withNetworkId(net).withContainerId(id).exec();
      client.removeNetworkCmd("tc-net").exec();
      try (InputStream in = client.saveImageCmd(IMG.asCanonicalNameString()).exec()) {
        assertTrue(in.readAllBytes().length > 1_000_000);
      }
      String exits = client.createContainerCmd(IMG.asCanonicalNameString()).withCmd("sh", "-c", "exit 7").exec()
          .getId();
      client.startContainerCmd(exits).exec();
      assertEquals(7, client.waitContainerCmd(exits).start().awaitStatusCode(10, TimeUnit.SECONDS));
      assertEquals(7L, client.inspectContainerCmd(exits).exec().getState().getExitCodeLong());
      client.removeContainerCmd(exits).exec();
      EventsCallback events = client.eventsCmd().withSince(Long.toString(started))
          .withUntil(Long.toString(System.currentTimeMillis() / 1000 + 1)).withEventFilter("die")
          .exec(new EventsCallback());
      events.awaitCompletion(10, TimeUnit.SECONDS);
      assertTrue(events.seen.stream().anyMatch(e -> exits.equals(e.getId()) && "7".equals(
          e.getActor().getAttributes().get("exitCode"))), events.seen::toString);
      // docker-java never half-closes a hijacked connection (neither dockerd nor Berth sees stdin's end): read a line
      String cat = client.createContainerCmd(IMG.asCanonicalNameString()).withCmd("head", "-n", "1").withStdinOpen(true)
          .withStdInOnce(true).withAttachStdin(true).withAttachStdout(true).exec().getId();
      FramesCallback frames = new FramesCallback();
      client.attachContainerCmd(cat).withStdIn(new java.io.ByteArrayInputStream("piped\n".getBytes()))
          .withStdOut(true).withFollowStream(true).exec(frames).awaitStarted(5, TimeUnit.SECONDS);
      client.startContainerCmd(cat).exec();
      assertTrue(frames.awaitCompletion(10, TimeUnit.SECONDS), "the stream ends when the container exits");
      assertEquals("piped\n", frames.out.toString(), frames.out::toString);
      client.removeContainerCmd(cat).withForce(true).exec();
      client.createVolumeCmd().withName("tc-vol").withLabels(Map.of("k", "v")).exec();
      assertEquals(Map.of("k", "v"), client.inspectVolumeCmd("tc-vol").exec().getLabels());
      client.removeVolumeCmd("tc-vol").exec();
      assertThrows(NotFoundException.class, () -> client.inspectVolumeCmd("tc-vol").exec());
    }
  }

  private static final class EventsCallback extends ResultCallback.Adapter<Event> {
    private final List<Event> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onNext(Event e) {
      seen.add(e);
    }
  }

  private static final class FramesCallback extends ResultCallback.Adapter<com.github.dockerjava.api.model.Frame> {
    private final StringBuffer out = new StringBuffer();

    @Override
    public void onNext(com.github.dockerjava.api.model.Frame f) {
      out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
    }
  }

  private static final class StatsCallback extends ResultCallback.Adapter<Statistics> {
    private volatile Statistics got;

    @Override
    public void onNext(Statistics s) {
      got = s;
    }
  }
}
