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
    List<String> cmd = new java.util.ArrayList<>(List.of(COMPOSE.toString(), "-p", PROJECT, "--project-directory",
        dir.toString(), "-f", dir.resolve("docker-compose.yml").toString()));
    cmd.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(Map.of("DOCKER_HOST", daemon.host(), "COMPOSE_INTERACTIVE_NO_CLI", "1",
        "DOCKER_CONFIG", daemon.work().resolve("docker-config").toString()));
    return Processes.run(cmd, env, null, Duration.ofSeconds(120));
  }

  private static CliResult ok(BerthDaemon daemon, String... args) {
    CliResult r = compose(daemon, args);
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
}
