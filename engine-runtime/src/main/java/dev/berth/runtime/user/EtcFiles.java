package dev.berth.runtime.user;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads and parses a container's {@code /etc/passwd} and {@code /etc/group} without leaving its rootfs. */
public final class EtcFiles {
  /** Larger files are refused rather than read into memory. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private EtcFiles() {}

  /** The rootfs's passwd entries, or empty when the file does not exist (or is not a regular file). */
  public static Optional<List<PasswdEntry>> passwd(Path rootfs) {
    return read(rootfs, "/etc/passwd").map(EtcFiles::parsePasswd);
  }

  /** The rootfs's group entries, or empty when the file does not exist (or is not a regular file). */
  public static Optional<List<GroupEntry>> group(Path rootfs) {
    return read(rootfs, "/etc/group").map(EtcFiles::parseGroup);
  }

  public static List<PasswdEntry> parsePasswd(String text) {
    List<PasswdEntry> out = new ArrayList<>();
    for (String[] f : lines(text, 7)) {
      out.add(new PasswdEntry(f[0], number(f[2]), number(f[3]), f[5], f[6]));
    }
    return out;
  }

  public static List<GroupEntry> parseGroup(String text) {
    List<GroupEntry> out = new ArrayList<>();
    for (String[] f : lines(text, 4)) {
      List<String> members = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(","));
      out.add(new GroupEntry(f[0], number(f[2]), members));
    }
    return out;
  }

  /** Non-empty, non-comment lines split on {@code :}, padded with empty fields. */
  private static List<String[]> lines(String text, int fields) {
    List<String[]> out = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(":", -1);
      String[] f = new String[Math.max(fields, parts.length)];
      Arrays.fill(f, "");
      System.arraycopy(parts, 0, f, 0, parts.length);
      out.add(f);
    }
    return out;
  }

  /** runc ignores unparsable numbers (they read as 0). */
  private static int number(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Optional<String> read(Path rootfs, String pathInContainer) {
    Path p = RootfsPath.resolve(rootfs, pathInContainer);
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (InputStream in = Channels.newInputStream(
        Files.newByteChannel(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      byte[] data = in.readNBytes(MAX_BYTES + 1);
      if (data.length > MAX_BYTES) {
        throw new SystemException(pathInContainer + " in the container is larger than " + MAX_BYTES + " bytes");
      }
      return Optional.of(new String(data, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SystemException("cannot read " + pathInContainer + " of the container", e);
    }
  }
}
