package dev.berth.runtime.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal container root filesystem with busybox-like {@code /etc/passwd} and {@code /etc/group}. */
public final class TestRootfs {
  public static final String PASSWD = """
      root:x:0:0:root:/root:/bin/sh
      daemon:x:1:1:daemon:/usr/sbin:/bin/false
      www-data:x:33:33:www-data:/var/www:/bin/false
      app:x:1000:1000:App User:/home/app:/bin/sh
      nobody:x:65534:65534:nobody:/home:/bin/false
      """;
  public static final String GROUP = """
      root:x:0:
      daemon:x:1:
      wheel:x:10:root
      audio:x:29:app,daemon
      www-data:x:33:
      app:x:1000:
      staff:x:50:app
      nogroup:x:65534:
      """;

  private TestRootfs() {}

  /** Writes {@code etc/passwd} and {@code etc/group} under {@code root} and returns it. */
  public static Path create(Path root) {
    try {
      Files.createDirectories(root.resolve("etc"));
      Files.writeString(root.resolve("etc/passwd"), PASSWD);
      Files.writeString(root.resolve("etc/group"), GROUP);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
