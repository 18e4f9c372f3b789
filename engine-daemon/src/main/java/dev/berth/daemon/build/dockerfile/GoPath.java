package dev.berth.daemon.build.dockerfile;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code filepath.Clean} and {@code filepath.Dir} for '/'-separated paths. */
public final class GoPath {
  private GoPath() {}

  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  public static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return clean(slash < 0 ? "" : path.substring(0, slash + 1));
  }
}
