package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker cp}, {@code diff}, {@code commit} and {@code export} with the stock CLI against a real berthd. */
@ExtendWith(DaemonExtension.class)
class ArchiveIT {
  private static final String IMG = "busybox:archive";
  private final List<String> containers = new ArrayList<>();
  private final List<String> images = new ArrayList<>();

  @BeforeAll
  static void image(DockerCli docker, @TempDir Path dir) {
    TestImages.importBusybox(docker, dir, IMG);
  }

  @AfterEach
  void cleanup(DockerCli docker) {
    for (String c : containers) {
      docker.run("rm", "-f", c);
    }
    for (String i : images) {
      docker.run("rmi", "-f", i);
    }
    containers.clear();
    images.clear();
  }

  private String name(String base) {
    String n = base + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    containers.add(n);
    return n;
  }

  private String running(DockerCli docker, String base, String setup) {
    String n = name(base);
    CliResult r = docker.run("run", "-d", "--name", n, IMG, "sh", "-c",
        setup + "trap 'exit 0' TERM; while true; do sleep 0.2; done");
    assertEquals(0, r.exitCode(), r::toString);
    return n;
  }

  private static CliResult ok(CliResult r) {
    assertEquals(0, r.exitCode(), r::toString);
    return r;
  }

  @Test
  void cpDirectoryTree_inAndOut_isByteIdentical(DockerCli docker, @TempDir Path dir) throws IOException {
    Path src = dir.resolve("tree");
    Random rnd = new Random(42);
    for (String f : List.of("a.bin", "sub/b.bin", "sub/deeper/c.bin", "sub/deeper/empty", "other/d.txt")) {
      Path p = src.resolve(f);
      Files.createDirectories(p.getParent());
      byte[] data = new byte[f.contains("empty") ? 0 : rnd.nextInt(300_000) + 1];
      rnd.nextBytes(data);
      Files.write(p, data);
    }
    Files.createDirectories(src.resolve("emptydir"));
    String c = running(docker, "cp", "");
    ok(docker.run("cp", src.toString(), c + ":/data"));
    assertEquals(ok(docker.run("exec", c, "sha256sum", "/data/sub/deeper/c.bin")).out().split(" ")[0],
        TestImages.sha256(Files.readAllBytes(src.resolve("sub/deeper/c.bin"))).substring(7));
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    ok(docker.run("cp", c + ":/data", out.toString()));
    assertEquals(checksums(src), checksums(out.resolve("data")));
  }

  @Test
  void cpThroughParentSymlinkToRoot_staysInsideTheContainer(DockerCli docker, @TempDir Path dir)
      throws IOException {
    String canary = "berth-archive-canary-" + Long.toHexString(System.nanoTime());
    Path hostFile = Path.of("/tmp", canary);
    Files.writeString(hostFile, "host\n");
    try {
      String c = running(docker, "cpsym", "ln -s / /escape; ");
      Path src = dir.resolve(canary);
      Files.writeString(src, "container\n");
      ok(docker.run("cp", src.toString(), c + ":/escape/tmp/" + canary));
      assertEquals("host\n", Files.readString(hostFile));
      assertEquals("container", ok(docker.run("exec", c, "cat", "/tmp/" + canary)).out());
      Path out = dir.resolve("back");
      Files.createDirectories(out);
      ok(docker.run("cp", c + ":/escape/tmp/" + canary, out.toString()));
      assertEquals("container\n", Files.readString(out.resolve(canary)));
    } finally {
      Files.deleteIfExists(hostFile);
    }
  }

  @Test
  void cpIntoStoppedContainer_andStatOfMissingPath(DockerCli docker, @TempDir Path dir) throws IOException {
    String c = name("cpstopped");
    ok(docker.run("create", "--name", c, IMG, "cat", "/etc/copied"));
    Path src = dir.resolve("copied");
    Files.writeString(src, "stopped\n");
    ok(docker.run("cp", src.toString(), c + ":/etc/copied"));
    ok(docker.run("start", c));
    ok(docker.run("wait", c));
    assertEquals("stopped", ok(docker.run("logs", c)).out());
    Path out = Files.createDirectories(dir.resolve("out"));
    ok(docker.run("cp", c + ":/etc/.", out.toString()));
    assertEquals("stopped\n", Files.readString(out.resolve("copied")));
    assertTrue(Files.exists(out.resolve("passwd")));
    CliResult missing = docker.run("cp", c + ":/nope", dir.toString());
    assertTrue(missing.exitCode() != 0 && missing.stderr().contains("Could not find the file /nope in container "
        + c), missing::toString);
  }

  @Test
  void cpArchiveMode_givesTheContainerUsersOwnership(DockerCli docker, @TempDir Path dir) throws IOException {
    String c = name("cpowner");
    ok(docker.run("create", "--name", c, "--user", "nobody", IMG, "stat", "-c", "%u:%g", "/tmp/owned"));
    Path src = dir.resolve("owned");
    Files.writeString(src, "x");
    ok(docker.run("cp", "-a", src.toString(), c + ":/tmp/owned"));
    ok(docker.run("start", c));
    ok(docker.run("wait", c));
    assertEquals("65534:65534", ok(docker.run("logs", c)).out());
  }

  @Test
  void diff_listsAddedChangedDeleted(DockerCli docker) {
    String c = name("diff");
    ok(docker.run("run", "--name", c, IMG, "sh", "-c",
        "echo x > /added; echo y >> /etc/passwd; rm /etc/group"));
    List<String> lines = ok(docker.run("diff", c)).out().lines().toList();
    assertTrue(lines.contains("A /added"), lines::toString);
    assertTrue(lines.contains("C /etc"), lines::toString);
    assertTrue(lines.contains("C /etc/passwd"), lines::toString);
    assertTrue(lines.contains("D /etc/group"), lines::toString);
    assertTrue(lines.stream().noneMatch(l -> l.contains("/etc/hosts") || l.contains("/proc")), lines::toString);
  }

  @Test
  void cpIntoAndOutOfABindMount_ofARunningContainer(DockerCli docker, @TempDir Path dir) throws IOException {
    Path bind = Files.createDirectories(dir.resolve("bind"));
    Files.writeString(bind.resolve("there"), "from host\n");
    String c = name("cpbind");
    ok(docker.run("run", "-d", "--name", c, "-v", bind + ":/mnt/b", IMG, "sh", "-c",
        "trap 'exit 0' TERM; while true; do sleep 0.2; done"));
    Path src = dir.resolve("copied");
    Files.writeString(src, "into the bind\n");
    ok(docker.run("cp", src.toString(), c + ":/mnt/b/copied"));
    assertEquals("into the bind\n", Files.readString(bind.resolve("copied")));
    Path out = Files.createDirectories(dir.resolve("out"));
    ok(docker.run("cp", c + ":/mnt/b/there", out.toString()));
    assertEquals("from host\n", Files.readString(out.resolve("there")));
    ok(docker.run("stop", "-t", "1", c));
    ok(docker.run("cp", src.toString(), c + ":/mnt/b/while-stopped"));
    assertEquals("into the bind\n", Files.readString(bind.resolve("while-stopped")));
    ok(docker.run("cp", c + ":/mnt/b/there", out.resolve("again").toString()));
    assertEquals("from host\n", Files.readString(out.resolve("again")));
  }

  @Test
  void commit_newContainersSeeTheFileAndTheChange(DockerCli docker) {
    String c = name("commit");
    ok(docker.run("run", "--name", c, IMG, "sh", "-c", "echo hello > /hello"));
    String repo = "committed-" + Long.toHexString(System.nanoTime() & 0xffffff) + ":v1";
    images.add(repo);
    ok(docker.run("commit", "-c", "CMD [\"cat\", \"/hello\"]", "-m", "a message", "-a", "me", c, repo));
    assertEquals("[cat /hello]", ok(docker.run("inspect", "-f", "{{.Config.Cmd}}", repo)).out());
    assertEquals("me|a message", ok(docker.run("inspect", "-f", "{{.Author}}|{{.Comment}}", repo)).out());
    String n = name("fromcommit");
    assertEquals("hello", ok(docker.run("run", "--name", n, repo)).out());
  }

  @Test
  void export_listsTheRootfs(BerthDaemon daemon, DockerCli docker) {
    String c = name("export");
    ok(docker.run("run", "--name", c, IMG, "sh", "-c", "echo x > /exported"));
    CliResult r = Processes.run(List.of("sh", "-c", "docker export " + c + " | tar t"),
        Map.of("DOCKER_HOST", daemon.host(), "DOCKER_CONFIG", daemon.work().resolve("docker-config").toString()),
        null, Duration.ofSeconds(60));
    List<String> names = ok(r).out().lines().toList();
    assertTrue(names.contains("bin/busybox"), names::toString);
    assertTrue(names.contains("etc/passwd"), names::toString);
    assertTrue(names.contains("exported"), names::toString);
    assertTrue(names.contains("bin/"), names::toString);
  }

  /** Relative path → sha256 of every regular file, plus the directories (as "dir"). */
  private static Map<String, String> checksums(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> !p.equals(root)).toList()) {
        m.put(root.relativize(p).toString(),
            Files.isDirectory(p) ? "dir" : TestImages.sha256(Files.readAllBytes(p)));
      }
    }
    return m;
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void cpIntoReadOnlyVolume_isABadRequest(DockerCli docker, @TempDir Path dir) throws IOException {
    String n = name("rovol");
    ok(docker.run("run", "-d", "--name", n, "-v", n + ":/ro:ro", "--read-only", IMG, "sleep", "60"));
    Path f = Files.writeString(dir.resolve("f"), "x");
    for (String target : new String[] {"/ro/", "/ro/f"}) {
      CliResult r = docker.run("cp", f.toString(), n + ":" + target);
      assertEquals(1, r.exitCode(), r::toString);
      assertTrue(r.stderr().contains("mounted volume is marked read-only"), r::toString);
    }
    CliResult root = docker.run("cp", f.toString(), n + ":/");
    assertTrue(root.stderr().contains("container rootfs is marked read-only"), root::toString);
    docker.run("rm", "-f", n);
    docker.run("volume", "rm", n);
  }
  @Test
  void cpIntoProcOrSys_ofARunningContainer_landsInItsLayer_asDockerd(DockerCli docker, @TempDir Path dir)
      throws IOException {
    String c = running(docker, "cpproc", "");
    Path f = dir.resolve("f");
    Files.writeString(f, "hi\n");
    ok(docker.run("cp", f.toString(), c + ":/proc/x"));
    ok(docker.run("cp", f.toString(), c + ":/sys/"));
    assertEquals("x", ok(docker.run("cp", c + ":/proc/x", "-")).stdout().substring(0, 1));
    assertNotEquals(0, docker.run("exec", c, "ls", "/proc/x").exitCode()); // under the container's procfs
    CliResult missing = docker.run("cp", c + ":/proc/version", "-");
    assertEquals(1, missing.exitCode(), missing::toString);
    assertTrue(missing.stderr().contains("Could not find the file /proc/version in container " + c),
        missing::toString);
  }
}
