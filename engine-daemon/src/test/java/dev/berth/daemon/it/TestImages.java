package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Test images built from the host's static busybox ({@code busybox-static}): {@code bin/busybox} plus a symlink
 * per applet ({@code sh}, {@code ls}, {@code cat}, …), the usual top-level dirs and a minimal /etc. Times are
 * fixed, so the rootfs tar (and so the layer's diff ID) is the same on every run.
 */
public final class TestImages {
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  private TestImages() {}

  /** The busybox root filesystem as an uncompressed tar. */
  public static byte[] busyboxRootfs() {
    try {
      TarBuilder tar = new TarBuilder();
      for (String d : List.of("bin", "dev", "etc", "proc", "sys", "root", "var", "usr", "usr/bin")) {
        tar.dir(d, 0755);
      }
      tar.dir("tmp", 01777);
      tar.file("bin/busybox", Files.readAllBytes(BUSYBOX), 0755);
      for (String applet : applets()) {
        if (!applet.equals("busybox")) {
          tar.symlink("bin/" + applet, "busybox");
        }
      }
      tar.file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
      tar.file("etc/group", "root:x:0:\nnogroup:x:65534:\n");
      return tar.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@link #busyboxRootfs()} to {@code dir/busybox-rootfs.tar}. */
  public static Path busyboxRootfsTar(Path dir) {
    try {
      Path p = dir.resolve("busybox-rootfs.tar");
      Files.write(p, busyboxRootfs());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code docker import -c 'CMD ["sh"]'} of the busybox rootfs as {@code name}; returns the image ID. */
  public static String importBusybox(DockerCli docker, Path dir, String name) {
    CliResult r = docker.run("import", "-c", "CMD [\"sh\"]", "-m", "busybox from the host",
        busyboxRootfsTar(dir).toString(), name);
    assertEquals(0, r.exitCode(), r::toString);
    return r.out();
  }

  /** The applets the host's busybox offers ({@code busybox --list}). */
  static List<String> applets() {
    CliResult r = Processes.run(List.of(BUSYBOX.toString(), "--list"), java.util.Map.of(), null,
        java.time.Duration.ofSeconds(10));
    if (r.exitCode() != 0) {
      return List.of("sh", "ls", "cat", "echo", "true", "false", "sleep", "env", "id", "ps", "mkdir", "rm");
    }
    return r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty() && !s.contains("/")).toList();
  }

  public static String sha256(byte[] data) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
