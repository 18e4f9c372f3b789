package dev.berth.network.linux;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Kernel parameters as plain files under a root ({@code /proc/sys} in production, a temp dir in tests). */
public final class Sysctl {
  private final Path root;

  public Sysctl(Path root) {
    this.root = root;
  }

  public static Sysctl host() {
    return new Sysctl(Path.of("/proc/sys"));
  }

  /**
   * {@code key} as in sysctl(8): {@code net.ipv4.ip_forward}. Null when absent. Read with one large buffer:
   * {@code Files.readString} probes a zero-sized proc file with a one-byte read, and the kernel's integer sysctls
   * then answer EOF, so {@code somaxconn}'s {@code 4096} read as {@code "4"}.
   */
  public String read(String key) {
    try (InputStream in = Files.newInputStream(file(key))) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new SystemException("cannot read " + key, e);
    }
  }

  /** Writes only when the value differs (writing /proc/sys is cheap but logs audit events on some hosts). */
  public void write(String key, String value) {
    if (value.equals(read(key))) {
      return;
    }
    try {
      Files.writeString(file(key), value);
    } catch (IOException e) {
      throw new SystemException("cannot set " + key + "=" + value, e);
    }
  }

  private Path file(String key) {
    return root.resolve(key.replace('.', '/'));
  }
}
