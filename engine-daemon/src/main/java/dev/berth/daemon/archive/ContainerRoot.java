package dev.berth.daemon.archive;

import dev.berth.api.errors.NotFoundException;
import dev.berth.storage.tar.ScopedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Path resolution inside a container's root (moby {@code container.ResolvePath} / {@code GetResourcePath}): symlinks
 * are followed as if the root were {@code /}, so neither an absolute link nor {@code ..} can leave it.
 */
final class ContainerRoot {
  private final Path root;
  private final ScopedPaths scoped;

  ContainerRoot(Path root) {
    this.root = root;
    this.scoped = new ScopedPaths(root);
  }

  Path root() {
    return scoped.root();
  }

  /** {@code GetResourcePath}: every symlink followed, the last one too. */
  Path follow(String containerPath) throws IOException {
    return scoped.resolveFollowing(ArchivePaths.components(containerPath), containerPath);
  }

  /**
   * {@code ResolvePath}: the directory part is followed, the last element is not (unless the path ends with
   * {@code /} or {@code /.}).
   */
  Path resolve(String absPath) throws IOException {
    Path dir = follow(ArchivePaths.dir(absPath));
    String file = ArchivePaths.file(absPath);
    return file.isEmpty() || file.equals(".") ? dir : dir.resolve(file);
  }

  /** The container path of a host path inside the root ({@code /} for the root itself). */
  String containerPath(Path host) {
    Path rel = scoped.root().relativize(host);
    List<String> parts = new ArrayList<>();
    rel.forEach(p -> parts.add(p.toString()));
    return "/" + String.join("/", parts).replaceFirst("^$", "");
  }

  /** dockerd's not-found error for archive operations. */
  static NotFoundException notFound(String path, String container) {
    return new NotFoundException("Could not find the file " + path + " in container " + container);
  }

  static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }
}
