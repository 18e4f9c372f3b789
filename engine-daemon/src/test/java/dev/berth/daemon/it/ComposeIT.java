package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose v1 ({@code /usr/bin/docker-compose}, which drives docker-py at the daemon's newest API version)
 * against a real berthd: a built service with a healthcheck, {@code depends_on: service_healthy}, a user network
 * with aliases, a named volume, a bind mount, a published port, env files, tmpfs, ulimits and a memory limit;
 * exec, run, logs, recreate on a config change, down. Skipped when docker-compose is not installed.
 */
@Tag("cli")
@ExtendWith(DaemonExtension.class)
class ComposeIT {
  private static final Path COMPOSE = Path.of("/usr/bin/docker-compose");
  private static final String PROJECT = "bcit";

  @TempDir
  static Path dir;
  private static int port;

  @BeforeAll
  static void project(DockerCli docker) throws IOException {
    assumeTrue(Files.isExecutable(COMPOSE), "docker-compose is not installed");
    TestImages.importBusybox(docker, dir, "busybox:latest");
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.createDirectories(dir.resolve("app"));
    Files.createDirectories(dir.resolve("bind"));
    Files.writeString(dir.resolve("bind/b.txt"), "bound\n");
    Files.writeString(dir.resolve("app.env"), "FROM_FILE=yes\n");
    Files.writeString(dir.resolve("app/Dockerfile"), """
        FROM busybox
        RUN mkdir -p /www && echo "hello from web" > /www/index.html
        CMD ["httpd", "-f", "-p", "8080", "-h", "/www"]
        """);
    Files.writeString(dir.resolve("docker-compose.yml"), composeFile("1"));
  }

  private static String composeFile(String version) {
    return """
        version: "2.4"
        services:
          web:
            build: ./app
            image: bcit_web:local
            healthcheck:
              test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/"]
              interval: 1s
              retries: 10
            networks:
              front:
                aliases: [webalias]
            ports: ["127.0.0.1:%d:8080"]
            environment: [CONFIG_VERSION=%s]
            env_file: app.env
            tmpfs: ["/run/tmp:size=1m"]
            ulimits:
              nofile: {soft: 1024, hard: 2048}
            mem_limit: 64m
            volumes: ["data:/data", "./bind:/bind:ro"]
          client:
            image: busybox
            depends_on:
              web: {condition: service_healthy}
            command: ["sh", "-c", "while true; do echo tick; sleep 1; done"]
            networks: [front]
        volumes:
          data:
        networks:
          front:
        """.formatted(port, version);
  }

  @AfterAll
  static void down(BerthDaemon daemon) {
    if (Files.isExecutable(COMPOSE)) {
      compose(daemon, "down", "-v", "--rmi", "local", "-t", "1");
    }
  }

  private static CliResult compose(BerthDaemon daemon, String... args) {
    return composeIn(daemon, PROJECT, dir.resolve("docker-compose.yml"), args);
  }

  private static CliResult composeIn(BerthDaemon daemon, String project, Path file, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(COMPOSE.toString(), "-p", project, "--project-directory",
        file.getParent().toString(), "-f", file.toString()));
    cmd.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(Map.of("DOCKER_HOST", daemon.host(), "COMPOSE_INTERACTIVE_NO_CLI", "1",
        "DOCKER_CONFIG", daemon.work().resolve("docker-config").toString()));
    return Processes.run(cmd, env, null, Duration.ofSeconds(120));
  }

  private static CliResult ok(BerthDaemon daemon, String... args) {
    return ok(compose(daemon, args));
  }

  private static CliResult ok(CliResult r) {
    assertEquals(0, r.exitCode(), r::toString);
    return r;
  }

  @Test
  void project_upExecRecreateDown(BerthDaemon daemon, DockerCli docker) throws Exception {
    ok(daemon, "up", "-d");
    String ps = ok(daemon, "ps").out();
    assertTrue(ps.contains("Up (healthy)") && ps.contains("127.0.0.1:" + port + "->8080/tcp"), ps);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("hello from web\n", page.body());
    }
    String inside = ok(daemon, "exec", "-T", "client", "sh", "-c",
        "wget -q -O- http://webalias:8080/ && wget -q -O- http://web:8080/").out();
    assertEquals("hello from web\nhello from web", inside);
    String web = ok(daemon, "exec", "-T", "web", "sh", "-c",
        "echo $FROM_FILE $CONFIG_VERSION; cat /bind/b.txt; grep -c /run/tmp /proc/mounts; ulimit -Hn;"
            + " touch /data/kept").out();
    assertEquals("yes 1\nbound\n1\n2048", web);
    assertEquals("ran", ok(daemon, "run", "--rm", "-T", "client", "echo", "ran").out().lines()
        .reduce((a, b) -> b).orElse(""));
    assertTrue(ok(daemon, "logs", "--tail=1", "client").out().contains("tick"));
    assertTrue(docker.run("inspect", "-f", "{{json .HostConfig.MaskedPaths}}", PROJECT + "_web_1").out()
        .contains("/proc/kcore"), "create records dockerd's default masked paths");

    // a config change recreates the container; compose v1 reads the image's ContainerConfig to carry volumes over
    Files.writeString(dir.resolve("docker-compose.yml"), composeFile("2"));
    CliResult up = ok(daemon, "up", "-d");
    assertTrue(up.stderr().contains("Recreating"), up::toString);
    assertEquals("yes 2 kept", ok(daemon, "exec", "-T", "web", "sh", "-c",
        "echo $FROM_FILE $CONFIG_VERSION $(ls /data)").out());

    ok(daemon, "down", "-v", "--rmi", "local", "-t", "1");
    assertEquals("", docker.run("ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT).out());
    assertFalse(docker.run("volume", "ls", "-q").out().contains(PROJECT + "_data"));
    assertFalse(docker.run("network", "ls", "--format", "{{.Name}}").out().contains(PROJECT + "_front"));
  }

  /**
   * compose v1's build options (args, target, cache_from, network, extra_hosts, shm_size), healthcheck disable,
   * a depends_on chain, and config/images/port/rm/push/pull against a local registry.
   */
  @Test
  void buildOptionsAndRegistryFlows(BerthDaemon daemon, DockerCli docker) throws Exception {
    assumeTrue(TestRegistry.available(), "docker-registry is not installed");
    Path p2 = dir.resolve("p2");
    Files.createDirectories(p2.resolve("app"));
    Files.writeString(p2.resolve("app/Dockerfile"), """
        FROM busybox AS base
        ARG GREETING=hello
        RUN echo "$GREETING" > /greeting
        FROM base AS final
        RUN echo final > /stage
        FROM base AS other
        RUN echo other > /stage
        """);
    try (TestRegistry reg = TestRegistry.start(false)) {
      String web = reg.host() + "/bcit/web:1";
      Files.writeString(p2.resolve("docker-compose.yml"), """
          version: "2.4"
          services:
            web:
              build:
                context: ./app
                args: {GREETING: bonjour}
                target: final
                cache_from: [busybox]
                network: host
                extra_hosts: ["build.example:10.1.2.3"]
                shm_size: 128m
              image: %s
              command: sh -c "cat /greeting /stage; sleep 60"
              healthcheck: {disable: true}
              ports: ["8080"]
              depends_on: [mid]
            mid: {image: busybox, command: sleep 60, depends_on: [base]}
            base: {image: %s/bcit/base:1, command: sleep 60}
          """.formatted(web, reg.host()));
      assertEquals(0, docker.run("tag", "busybox:latest", reg.host() + "/bcit/base:1").exitCode());
      assertEquals(0, docker.run("push", reg.host() + "/bcit/base:1").exitCode());
      assertEquals(0, docker.run("rmi", reg.host() + "/bcit/base:1").exitCode());
      Path file = p2.resolve("docker-compose.yml");
      java.util.function.Function<String[], CliResult> c2 = a -> ok(composeIn(daemon, "bcit2", file, a));
      try {
        assertTrue(c2.apply(new String[] {"config"}).out().contains("target: final"));
        assertTrue(c2.apply(new String[] {"pull", "base"}).stderr().contains("Pulling base"));
        c2.apply(new String[] {"build"});
        c2.apply(new String[] {"up", "-d"});
        String port = c2.apply(new String[] {"port", "web", "8080"}).out();
        assertTrue(port.matches("0\\.0\\.0\\.0:\\d+"), port);
        assertTrue(c2.apply(new String[] {"images"}).out().contains(reg.host() + "/bcit/web"));
        assertEquals("{\"Test\":[\"NONE\"]}", docker.run("inspect", "-f", "{{json .Config.Healthcheck}}",
            "bcit2_web_1").out());
        assertTrue(c2.apply(new String[] {"logs", "web"}).out().contains("bonjour"), "build args and target apply");
        assertTrue(c2.apply(new String[] {"push", "web"}).stderr().contains("Pushing web"));
        c2.apply(new String[] {"stop", "-t", "0", "mid"});
        c2.apply(new String[] {"rm", "-f", "mid"});
        assertEquals("", docker.run("ps", "-aq", "--filter", "name=bcit2_mid_1").out());
      } finally {
        composeIn(daemon, "bcit2", file, "down", "-t", "0");
        docker.run("rmi", web, reg.host() + "/bcit/base:1");
      }
    }
  }
}
