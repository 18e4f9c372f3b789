package dev.berth.daemon.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * dockerd's path rules for the archive endpoints, pure: the absolute container path of a request with a trailing
 * {@code /} or {@code /.} preserved ({@code archive.PreserveTrailingDotOrSeparator}), and Go's
 * {@code filepath.Clean/Split/Base} on it.
 */
final class ArchivePaths {
  private ArchivePaths() {}

  /** {@code filepath.Join("/", path)} with the trailing separator or {@code /.} of {@code path} kept. */
  static String absPath(String path) {
    String cleaned = clean("/" + path);
    if (!base(cleaned).equals(".") && (path.equals(".") || path.endsWith("/."))) {
      cleaned = cleaned.endsWith("/") ? cleaned + "." : cleaned + "/.";
    }
    if (!cleaned.endsWith("/") && path.endsWith("/")) {
      cleaned += "/";
    }
    return cleaned;
  }

  /** Go's {@code path.Clean} for an absolute path. */
  static String clean(String path) {
    List<String> out = components(path);
    return "/" + String.join("/", out);
  }

  /** The clean components of an absolute path ({@code ..} stops at the root). */
  static List<String> components(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /** Go's {@code filepath.Split}: everything up to and including the last slash. */
  static String dir(String path) {
    return path.substring(0, path.lastIndexOf('/') + 1);
  }

  /** Go's {@code filepath.Split}'s file part (may be empty or {@code .}). */
  static String file(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Go's {@code filepath.Base}: trailing slashes dropped; {@code /} for the root. */
  static String base(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals("/")) {
      return "/";
    }
    if (p.isEmpty()) {
      return ".";
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
