package dev.berth.runtime.user;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path as a process inside the container would see it, but on the host: every symlink is followed
 * relative to the container's root, and {@code ..} never climbs above it (moby {@code GetResourcePath}, runc's
 * securejoin). A {@code /etc/passwd} that links to {@code /} or {@code ../../../etc/passwd} therefore stays
 * inside the rootfs.
 */
public final class RootfsPath {
  private static final int MAX_SYMLINKS = 255;

  private RootfsPath() {}

  /**
   * @param rootfs the container's root directory on the host
   * @param pathInContainer an absolute or relative path inside the container
   * @return a host path under {@code rootfs} whose existing components are not symlinks (the last one may not
   *     exist)
   */
  public static Path resolve(Path rootfs, String pathInContainer) {
    Path root = rootfs.toAbsolutePath().normalize();
    Deque<String> todo = new ArrayDeque<>();
    push(todo, pathInContainer);
    Path current = root;
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!current.equals(root)) {
          current = current.getParent();
        }
        continue;
      }
      Path next = current.resolve(part);
      if (!Files.isSymbolicLink(next)) {
        current = next;
        continue;
      }
      if (++links > MAX_SYMLINKS) {
        throw new SystemException("too many symlinks resolving " + pathInContainer + " in " + rootfs);
      }
      String target;
      try {
        target = Files.readSymbolicLink(next).toString();
      } catch (IOException e) {
        throw new SystemException("cannot read symlink " + next, e);
      }
      if (target.startsWith("/")) {
        current = root;
      }
      push(todo, target);
    }
    return current;
  }

  /** Pushes the components of {@code path} so that they are processed before what is already queued. */
  private static void push(Deque<String> todo, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      todo.push(parts[i]);
    }
  }
}
