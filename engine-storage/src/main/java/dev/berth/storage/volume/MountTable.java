package dev.berth.storage.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads {@code /proc/self/mountinfo} to tell whether a path is a mount point. */
final class MountTable {
  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  private MountTable() {}

  static boolean isMountPoint(Path p) {
    List<String> lines;
    try {
      lines = Files.readAllLines(MOUNTINFO);
    } catch (IOException e) {
      return false;
    }
    return isMountPoint(p.toAbsolutePath().normalize().toString(), lines);
  }

  /** Field 5 of each line is the mount point, with space, tab, newline and backslash octal-escaped. */
  static boolean isMountPoint(String path, List<String> mountinfo) {
    for (String line : mountinfo) {
      String[] f = line.split(" ");
      if (f.length > 4 && unescape(f[4]).equals(path)) {
        return true;
      }
    }
    return false;
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
