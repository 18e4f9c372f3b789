package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker build} compared with a reference dockerd: the acceptance Dockerfile in
 * {@code src/test/resources/build/reference} must give the image config and the step output dockerd gave
 * (captured from Debian's dockerd 20.10 with the stock CLI 28.2.2; IDs normalised), plus the build parameters the
 * CLI sends besides the Dockerfile (cache-from, extra hosts, shm size, memory, credentials, xz contexts).
 */
@ExtendWith(DaemonExtension.class)
class BuildCompatIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REFERENCE = Path.of("src/test/resources/build/reference");
  private final List<String> images = new ArrayList<>();

  @BeforeAll
  static void image(DockerCli docker, @TempDir Path dir) {
    TestImages.importBusybox(docker, dir, "busybox:latest");
  }

  @AfterEach
  void cleanup(DockerCli docker) {
    for (String i : images) {
      docker.run("rmi", "-f", i);
    }
    images.clear();
    docker.run("image", "prune", "-f");
  }

  private String tag(String base) {
    String t = base + ":" + Long.toHexString(System.nanoTime() & 0xffffff);
    images.add(t);
    return t;
  }

  private static CliResult ok(CliResult r) {
    assertEquals(0, r.exitCode(), r::toString);
    return r;
  }

  /** The build output without the CLI's own lines, short IDs replaced by {@code ID}. */
  private static String steps(CliResult r) {
    StringBuilder b = new StringBuilder();
    for (String line : r.stdout().split("\n", -1)) {
      if (line.startsWith("DEPRECATED") || line.contains("Install the buildx") || line.contains("go/buildx")
          || line.startsWith("Sending build context") || line.isBlank()) {
        continue;
      }
      b.append(line.replaceAll("[0-9a-f]{12}", "ID")).append('\n');
    }
    return b.toString();
  }

  private static Path referenceContext(Path dir) throws IOException {
    Path ctx = dir.resolve("ctx");
    try (var files = Files.walk(REFERENCE.resolve("context"))) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path to = ctx.resolve(REFERENCE.resolve("context").relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new TarBuilder().dir("d", 0755).file("d/f.txt", "intar\n").build());
    }
    Files.write(ctx.resolve("stuff.tar.gz"), gz.toByteArray());
    return ctx;
  }

  @Test
  void referenceDockerfile_givesDockerdsConfigAndOutput(DockerCli docker, BerthDaemon daemon, @TempDir Path dir)
      throws IOException {
    String t = tag("reference");
    CliResult b = ok(docker.run("build", "--no-cache", "--build-arg", "GREETING=hello-arg", "-t", t,
        referenceContext(dir).toString()));
    String expected = Files.readString(REFERENCE.resolve("dockerd-output.txt")).replace("acc:latest", t);
    assertEquals(expected, steps(b));

    JsonNode want = JSON.readTree(REFERENCE.resolve("dockerd-config.json").toFile());
    ObjectNode got = (ObjectNode) JSON.readTree(ok(docker.run("image", "inspect", "-f", "{{json .Config}}", t)).out());
    got.remove(List.of("Image", "Hostname", "Domainname", "AttachStdin", "AttachStdout", "AttachStderr", "Tty",
        "OpenStdin", "StdinOnce"));
    ObjectNode health = (ObjectNode) got.get("Healthcheck");
    if (health != null && health.path("StartInterval").asLong(-1) == 0) {
      health.remove("StartInterval"); // API 1.44+ field, zero here; dockerd 20.10 predates it
    }
    assertEquals(want, got);
    assertEquals("hello-arg", ok(docker.run("run", "--rm", t)).out());
    assertEquals("someone@example.com", ok(docker.run("image", "inspect", "-f", "{{.Author}}", t)).out());

    String history = ok(docker.run("history", "--no-trunc", "--format", "{{.CreatedBy}}", t)).out();
    assertTrue(history.contains("/bin/sh -ec #(nop)  MAINTAINER someone@example.com"), history);
    assertTrue(history.contains("/bin/sh -c #(nop)  EXPOSE 8080 9090/udp"), history);
    assertTrue(history.contains("/bin/sh -c #(nop) WORKDIR /app\n"), history);
    assertTrue(history.contains("/bin/sh -c #(nop) COPY dir:"), history);
    assertTrue(history.contains("HEALTHCHECK &{[\"CMD-SHELL\" \"cat /app/greeting.txt || exit 1\"] \"5s\" \"3s\" "
        + "\"1s\" \"0s\" '\\x02'}"), history);

    try (RawHttp http = new RawHttp(daemon.socket())) { // what API clients below 1.45 (compose v1) read
      JsonNode old = JSON.readTree(http.get("/v1.41/images/" + t + "/json").body());
      assertEquals(want.get("Volumes"), old.get("ContainerConfig").get("Volumes"));
      assertEquals("/bin/sh -ec #(nop)  MAINTAINER someone@example.com",
          String.join(" ", JSON.convertValue(old.get("ContainerConfig").get("Cmd"), String[].class)));
    }

    List<String> runLayer = layerEntries(docker, dir, t, 5);
    assertTrue(runLayer.contains("etc/passwd"), runLayer::toString);
    assertFalse(runLayer.contains("etc/hosts") || runLayer.contains("etc/hostname")
        || runLayer.contains("etc/resolv.conf"), () -> "mount points committed: " + runLayer);
  }

  /** The entry names of layer {@code index} of the saved image. */
  private static List<String> layerEntries(DockerCli docker, Path dir, String image, int index) throws IOException {
    Path saved = dir.resolve("saved.tar");
    ok(docker.run("save", "-o", saved.toString(), image));
    byte[] manifest = null;
    List<byte[]> layers = new ArrayList<>();
    List<String> layerNames = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(saved))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals("manifest.json")) {
          manifest = in.readAllBytes();
        } else if (e.isFile()) {
          layerNames.add(e.getName());
          layers.add(in.readAllBytes());
        }
      }
    }
    String layer = JSON.readTree(manifest).get(0).get("Layers").get(index).asText();
    List<String> names = new ArrayList<>();
    try (InputStream raw = new java.io.ByteArrayInputStream(layers.get(layerNames.indexOf(layer)));
        TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void dockerfileThatDoesNotParse_isAnHttpError(DockerCli docker) {
    CliResult r = docker.run(TestImages.utf8("FROM busybox\nFOO bar\n"), Duration.ofSeconds(60), "build", "-");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("Error response from daemon: dockerfile parse error on line 2: unknown "
        + "instruction: FOO"), r::toString);
  }

  @Test
  void runStderr_isRed_andMetadataStepsLookLikeDockerds(DockerCli docker) {
    String t = tag("stderr");
    CliResult r = ok(docker.run(TestImages.utf8("FROM busybox\nRUN echo oops >&2 \\\n\n  && true\nENV A=1\n"),
        Duration.ofSeconds(60), "build", "--no-cache", "-t", t, "-"));
    assertTrue(r.stdout().contains("\u001b[91moops\n\u001b[0m"), r::toString);
    assertTrue(r.stdout().contains("\u001b[91m[WARNING]: Empty continuation line found in:\n    RUN echo oops >&2 "
        + "  && true\n[WARNING]: Empty continuation lines will become errors in a future release.\n\u001b[0mStep 1/3"),
        r::toString);
    assertTrue(steps(r).contains("Step 3/3 : ENV A=1\n ---> Running in ID\nRemoving intermediate container ID\n"
        + " ---> ID\n"), r::toString);
  }

  @Test
  void copyFromAnImageThatIsNotLocal_triesToPullIt(DockerCli docker) {
    CliResult r = docker.run(TestImages.utf8("FROM busybox\nCOPY --from=127.0.0.1:1/nosuch /a /a\n"),
        Duration.ofSeconds(60), "build", "-");
    assertNotEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("invalid from flag value 127.0.0.1:1/nosuch: ")
        || r.stderr().contains("invalid from flag value 127.0.0.1:1/nosuch: "), r::toString);
    assertTrue((r.stdout() + r.stderr()).contains("127.0.0.1:1"), r::toString);
  }

  @Test
  void xzContext_andCopyChmod(DockerCli docker) throws IOException {
    byte[] tar = new TarBuilder().file("Dockerfile", "FROM busybox\nCOPY --chmod=751 f /f\n")
        .file("f", "x").build();
    ByteArrayOutputStream xz = new ByteArrayOutputStream();
    try (XZCompressorOutputStream out = new XZCompressorOutputStream(xz)) {
      out.write(tar);
    }
    String t = tag("xz");
    ok(docker.run(xz.toByteArray(), Duration.ofSeconds(60), "build", "-t", t, "-"));
    assertEquals("751", ok(docker.run("run", "--rm", t, "stat", "-c", "%a", "/f")).out());
  }

  @Test
  void cacheFrom_reusesTheStepsOfALoadedImage(DockerCli docker, @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\nRUN echo built > /b\nENV X=1\nCMD [\"cat\", \"/b\"]\n");
    String t = tag("cachefrom");
    String before = ok(docker.run("images", "-a", "-q", "--no-trunc")).out();
    ok(docker.run("build", "-t", t, dir.toString()));
    String id = ok(docker.run("image", "inspect", "-f", "{{.Id}}", t)).out();
    Path saved = dir.resolve("img.tar");
    ok(docker.run("save", "-o", saved.toString(), t));
    ok(docker.run("rmi", t));
    assertEquals(before, ok(docker.run("images", "-a", "-q", "--no-trunc")).out(), "intermediate images left");
    ok(docker.run("load", "-i", saved.toString()));

    CliResult with = ok(docker.run("build", "--cache-from", t, "-t", t, dir.toString()));
    assertEquals(3, with.stdout().split(" ---> Using cache", -1).length - 1, with::toString);
    assertEquals(id, ok(docker.run("image", "inspect", "-f", "{{.Id}}", t)).out());
  }

  @Test
  void clientGoingAway_cancelsTheBuild_andRemovesTheStepContainer(DockerCli docker, @TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\nRUN sleep 60\nRUN touch /never\n");
    Process cli = docker.start("build", "--no-cache", dir.toString());
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(cli.getInputStream()))) {
      String line;
      while ((line = lines.readLine()) != null && !line.contains("Running in")) {
        // wait until the RUN container runs
      }
      assertTrue(line != null, "the build never reached its RUN step");
      cli.destroy(); // the CLI closes its connection, as after Ctrl-C
      cli.waitFor();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    String left = "";
    while (System.nanoTime() < deadline) {
      left = ok(docker.run("ps", "-a", "-q")).out();
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals("", left, "the step container outlived the cancelled build");
  }

  @Test
  void hostOptions_reachTheRunSteps(DockerCli docker) {
    assumeTrue(Files.isDirectory(Path.of("/sys/fs/cgroup/memory")), "cgroup v1 memory controller");
    CliResult r = ok(docker.run(TestImages.utf8("""
        FROM busybox
        RUN grep buildhost /etc/hosts
        RUN df -k /dev/shm | tail -1
        RUN cat /sys/fs/cgroup/memory/memory.limit_in_bytes
        """), Duration.ofSeconds(90), "build", "--no-cache", "--add-host", "buildhost:10.9.8.7", "--shm-size",
        "70m", "--memory", "64m", "-"));
    assertTrue(r.stdout().contains("10.9.8.7"), r::toString);
    assertTrue(r.stdout().contains("71680"), r::toString);
    assertTrue(r.stdout().contains("67108864"), r::toString);
  }

  @Test
  void baseImageFromAnAuthenticatedRegistry_usesTheCliCredentials(DockerCli docker, @TempDir Path dir)
      throws Exception {
    assumeTrue(TestRegistry.available(), "docker-registry not installed");
    try (TestRegistry reg = TestRegistry.start(true)) {
      String base = reg.host() + "/secure/base:1";
      ok(docker.run("tag", "busybox:latest", base));
      ok(docker.run(TestImages.utf8(TestRegistry.PASSWORD + "\n"), Duration.ofSeconds(30), "login", "-u",
          TestRegistry.USER, "--password-stdin", reg.host()));
      try {
        ok(docker.run("push", base));
        ok(docker.run("rmi", base));
        String t = tag("fromregistry");
        CliResult b = ok(docker.run(TestImages.utf8("FROM " + base + "\nRUN true\n"), Duration.ofSeconds(60),
            "build", "-t", t, "-"));
        assertTrue(b.stdout().contains("Status: Downloaded newer image for " + base), b::toString);
      } finally {
        docker.run("logout", reg.host());
        docker.run("rmi", base);
      }
      String t = tag("anonymous");
      CliResult anonymous = docker.run(TestImages.utf8("FROM " + reg.host() + "/secure/base:1\n"),
          Duration.ofSeconds(60), "build", "-t", t, "-");
      assertNotEquals(0, anonymous.exitCode(), anonymous::toString);
    }
  }
}
