package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs generated specs with the real runc: the default profile (seccomp + 14 capabilities) and a memory limit
 * that must appear in the v1 memory cgroup, and {@code --privileged} with the daemon's own bounding set.
 */
@Tag("root")
class SpecRunIT {
  private static final Path RUNC = Path.of("/usr/sbin/runc");
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private static final Path CGROUP = Path.of("/sys/fs/cgroup");
  private static final long LIMIT = 64L * 1024 * 1024;

  @TempDir Path work;

  @BeforeAll
  static void requireRootAndRunc() throws IOException {
    String status = Files.readString(Path.of("/proc/self/status"));
    assumeTrue(status.lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*")), "needs root");
    assumeTrue(Files.isExecutable(RUNC), "needs " + RUNC);
    assumeTrue(Files.isExecutable(BUSYBOX), "needs a static " + BUSYBOX);
    assumeTrue(Files.isDirectory(CGROUP.resolve("memory")), "needs the cgroup v1 memory controller");
  }

  @Test
  void defaultProfile_runsAndAppliesTheMemoryLimit() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String parent = "/berth-it-" + suffix;
    String id = "spec-it-" + suffix;
    HostProfile host = HostProfile.detect();
    SpecBuilder builder = new SpecBuilder(SpecDefaults.standard().withCgroupParent(parent), host);
    Spec spec = builder.build(ContainerRuntimeConfig.builder(id, rootfs())
        .args("sh", "-c", "echo ok; grep CapEff /proc/self/status; sleep 3")
        .hostname("spec-it")
        .resources(Resources.builder().memory(LIMIT).build().withDockerDefaults())
        .build());
    assertNotNull(spec.linux().seccomp());
    assertEquals(Capabilities.DEFAULTS, spec.process().capabilities().bounding());

    Process runc = start(spec, id);
    try (BufferedReader out = reader(runc)) {
      assertEquals("ok", out.readLine(), () -> stderr());
      assertEquals("CapEff:\t00000000a80425fb", out.readLine(), "dockerd's default capability set");
      Path limit = CGROUP.resolve("memory").resolve(parent.substring(1)).resolve(id).resolve("memory.limit_in_bytes");
      assertEquals(Long.toString(LIMIT), Files.readString(limit).strip());
      assertTrue(runc.waitFor(30, TimeUnit.SECONDS), "container did not exit");
      assertEquals(0, runc.exitValue(), this::stderr);
    } finally {
      cleanUp(runc, id, parent);
    }
  }

  @Test
  void privileged_getsTheDaemonBoundingSet() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String parent = "/berth-it-" + suffix;
    String id = "spec-it-priv-" + suffix;
    HostProfile host = HostProfile.detect();
    SpecBuilder builder = new SpecBuilder(SpecDefaults.standard().withCgroupParent(parent), host);
    Spec spec = builder.build(ContainerRuntimeConfig.builder(id, rootfs())
        .args("sh", "-c", "echo ok; grep CapEff /proc/self/status")
        .privileged(true)
        .build());

    Process runc = start(spec, id);
    try (BufferedReader out = reader(runc)) {
      assertEquals("ok", out.readLine(), () -> stderr());
      assertEquals(String.format("CapEff:\t%016x", host.boundingSet().mask()), out.readLine());
      assertTrue(runc.waitFor(30, TimeUnit.SECONDS), "container did not exit");
      assertEquals(0, runc.exitValue(), this::stderr);
    } finally {
      cleanUp(runc, id, parent);
    }
  }

  @Test
  void manyOptionsTogether_areAcceptedByRunc() throws Exception {
    assumeTrue(InitBinary.find().isPresent(), "needs tini for --init");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String parent = "/berth-it-" + suffix;
    String id = "spec-it-opts-" + suffix;
    SpecBuilder builder = new SpecBuilder(SpecDefaults.standard().withCgroupParent(parent), HostProfile.detect());
    Spec spec = builder.build(ContainerRuntimeConfig.builder(id, rootfs())
        .args("sh", "-c", "id -u; cat /proc/sys/kernel/domainname; ulimit -n; cat /proc/1/comm; "
            + "touch /ro 2>/dev/null || echo read-only; echo tmp > /tmp/f && cat /tmp/f")
        .user("1000:1000").groupAdd(List.of("4242")).init(true).readonlyRootfs(true)
        .mount(ContainerMount.tmpfs("/tmp", "size=1m")).domainname("example.org")
        .ulimits(List.of(Ulimit.parse("nofile=1024:2048")))
        .resources(Resources.builder().pidsLimit(100L).nanoCpus(500_000_000L).build())
        .securityOpt(List.of("no-new-privileges")).cgroupns(NamespaceMode.privateNs())
        .capDrop(List.of("NET_RAW")).sysctls(java.util.Map.of("net.ipv4.ip_forward", "1"))
        .build());

    Process runc = start(spec, id);
    try (BufferedReader out = reader(runc)) {
      List<String> lines = out.lines().toList();
      assertTrue(runc.waitFor(30, TimeUnit.SECONDS), "container did not exit");
      assertEquals(0, runc.exitValue(), this::stderr);
      assertEquals(List.of("1000", "example.org", "1024", "docker-init", "read-only", "tmp"), lines);
    } finally {
      cleanUp(runc, id, parent);
    }
  }

  /** A busybox root filesystem: the static binary plus applet symlinks and an /etc/passwd. */
  private Path rootfs() throws IOException {
    Path root = work.resolve("rootfs");
    Files.createDirectories(root.resolve("bin"));
    Files.copy(BUSYBOX, root.resolve("bin/busybox"));
    for (String applet : List.of("sh", "echo", "grep", "sleep", "cat", "id", "touch")) {
      Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
    }
    for (String dir : List.of("proc", "sys", "dev", "etc", "tmp")) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.setAttribute(root.resolve("tmp"), "unix:mode", 01777); // as in real images; runc keeps it for tmpfs
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
    return root.toRealPath();
  }

  private Process start(Spec spec, String id) throws IOException {
    Path bundle = Files.createDirectories(work.resolve("bundle"));
    SpecJson.write(spec, bundle);
    return new ProcessBuilder(RUNC.toString(), "--root", work.resolve("runc").toString(), "run", "--bundle",
        bundle.toString(), id)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectError(work.resolve("runc.stderr").toFile())
        .start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private String stderr() {
    try {
      return "runc stderr: " + Files.readString(work.resolve("runc.stderr"));
    } catch (IOException e) {
      return "no runc stderr: " + e;
    }
  }

  /** Kills and deletes the container, then removes its cgroup and the test's parent cgroup in every hierarchy. */
  private void cleanUp(Process runc, String id, String parent) throws Exception {
    if (runc.isAlive()) {
      runc.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    new ProcessBuilder(RUNC.toString(), "--root", work.resolve("runc").toString(), "delete", "-f", id)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10,
            TimeUnit.SECONDS);
    List<Path> hierarchies = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(CGROUP)) {
      dirs.forEach(hierarchies::add);
    }
    for (Path h : hierarchies) {
      Path p = h.resolve(parent.substring(1));
      Files.deleteIfExists(p.resolve(id));
      Files.deleteIfExists(p);
    }
  }
}
