package dev.berth.runtime.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Whole reads of {@code /proc} and {@code /sys} files. These report a size of 0, and {@code Files.readString} /
 * {@code readAllBytes} then probe with a one-byte read first; the kernel's integer sysctls ({@code proc_dointvec}:
 * {@code ip_local_port_range}, {@code somaxconn}, {@code pid_max} …) answer a read at a non-zero offset with EOF,
 * so those calls return just the first character ({@code "3"} for {@code 32768 60999}). Here the first read asks
 * for a large buffer, which such handlers fill completely.
 */
public final class KernelFiles {
  private static final int FIRST_READ = 64 * 1024;

  private KernelFiles() {}

  public static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(readAll(in), StandardCharsets.UTF_8);
    }
  }

  /** The file's lines, without line terminators. */
  public static List<String> lines(Path file) throws IOException {
    return read(file).lines().toList();
  }

  /** Reads to EOF, the first read with a 64 KiB buffer, later ones doubling it while it fills up. */
  static byte[] readAll(InputStream in) throws IOException {
    byte[] buf = new byte[FIRST_READ];
    int n = 0;
    for (int r; (r = in.read(buf, n, buf.length - n)) >= 0; ) {
      n += r;
      if (n == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    return Arrays.copyOf(buf, n);
  }
}
