package dev.berth.storage.tar;

import dev.berth.api.errors.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Resolves paths inside a root as if the root were {@code /} (chroot semantics): symlinks met on the way are
 * followed but interpreted inside the root, and {@code ..} stops at the root, so a layer can never make us write
 * outside it. The final component is never followed.
 */
public final class ScopedPaths {
  private static final int MAX_LINKS = 255;
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final Path root;

  private final boolean refuseSymlinkParents;

  public ScopedPaths(Path root) {
    this(root, false);
  }

  /**
   * @param refuseSymlinkParents reject paths that go through a symlink instead of resolving it inside the root:
   *     a layer whose entries are written "through" a symlink it created itself is the classic breakout trick, and
   *     such layers are refused outright
   */
  public ScopedPaths(Path root, boolean refuseSymlinkParents) {
    this.root = root.toAbsolutePath().normalize();
    this.refuseSymlinkParents = refuseSymlinkParents;
  }

  public Path root() {
    return root;
  }

  /**
   * The host path of {@code components} (already cleaned). Directories along the way are created with 0755 when
   * {@code create} is set; otherwise a missing one makes the result point at the missing path.
   */
  public Path resolve(List<String> components, String entryName, boolean create) throws IOException {
    if (components.isEmpty()) {
      return root;
    }
    Path parent = resolveDir(components.subList(0, components.size() - 1), entryName, create, false);
    return parent.resolve(components.get(components.size() - 1));
  }

  /** Like {@link #resolve} but also follows a final symlink (inside the root); nothing is created. */
  public Path resolveFollowing(List<String> components, String name) throws IOException {
    return resolveDir(components, name, false, true);
  }

  private Path resolveDir(List<String> components, String entryName, boolean create, boolean lastMayBeFile)
      throws IOException {
    Deque<String> todo = new ArrayDeque<>(components);
    Path cur = root;
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.removeFirst();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        cur = cur.equals(root) ? root : cur.getParent();
        continue;
      }
      Path next = cur.resolve(c);
      if (Files.isSymbolicLink(next)) {
        if (refuseSymlinkParents) {
          throw new InvalidParameterException("invalid tar entry \"" + entryName + "\": path goes through the "
              + "symlink " + root.relativize(next) + " (refused: it could escape the layer root)");
        }
        if (++links > MAX_LINKS) {
          throw new InvalidParameterException("invalid tar entry \"" + entryName + "\": too many levels of symlinks");
        }
        String target = Files.readSymbolicLink(next).toString();
        if (target.startsWith("/")) {
          cur = root;
        }
        String[] parts = target.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
          todo.addFirst(parts[i]);
        }
        continue;
      }
      if (!Files.exists(next, NOFOLLOW)) {
        if (!create) {
          return appendRest(next, todo);
        }
        Files.createDirectory(next);
      } else if (!Files.isDirectory(next, NOFOLLOW) && !(lastMayBeFile && todo.isEmpty())) {
        throw new InvalidParameterException("invalid tar entry \"" + entryName + "\": "
            + root.relativize(next) + " is not a directory");
      }
      cur = next;
    }
    return cur;
  }

  private static Path appendRest(Path p, Deque<String> rest) {
    for (String c : rest) {
      if (!c.isEmpty() && !c.equals(".") && !c.equals("..")) {
        p = p.resolve(c);
      }
    }
    return p;
  }
}
