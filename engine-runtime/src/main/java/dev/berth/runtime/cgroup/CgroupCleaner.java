package dev.berth.runtime.cgroup;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes a container's cgroup directories in every hierarchy under a root (all v1 controllers, the named
 * {@code systemd} hierarchy and the hybrid {@code unified} mount, or the single v2 tree). {@code runc delete}
 * normally removes the leaf already (verified on the v1 host); this is the fallback for runtimes or crashes that
 * leave them behind. Only directories are removed (rmdir): cgroup files vanish with them.
 */
public final class CgroupCleaner {
  private final Path root;

  public CgroupCleaner(Path root) {
    this.root = root;
  }

  /** Removes {@code cgroupPath} (and any child cgroups) everywhere; missing directories are fine. */
  public void remove(String cgroupPath) {
    String rel = CgroupV1StatsReader.relative(cgroupPath);
    if (rel.isEmpty()) {
      throw new IllegalArgumentException("refusing to remove a cgroup root");
    }
    List<Path> targets = new ArrayList<>();
    if (CgroupVersion.detect(root) == CgroupVersion.V2) {
      targets.add(root.resolve(rel));
    } else {
      try (Stream<Path> hierarchies = Files.list(root)) {
        hierarchies.filter(h -> Files.isDirectory(h, LinkOption.NOFOLLOW_LINKS))
            .forEach(h -> targets.add(h.resolve(rel)));
      } catch (IOException e) {
        throw new SystemException("cannot list cgroup hierarchies in " + root, e);
      }
    }
    for (Path target : targets) {
      removeTree(target);
    }
  }

  private static void removeTree(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(dir)) {
      dirs = walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      throw new SystemException("cannot walk cgroup " + dir, e);
    }
    for (Path d : dirs) {
      rmdir(d);
    }
  }

  /** rmdir with a few retries: a cgroup is busy (EBUSY) until its last task has exited. */
  private static void rmdir(Path d) {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.delete(d);
        return;
      } catch (NoSuchFileException gone) {
        return;
      } catch (FileSystemException busy) { // EBUSY, or ENOTEMPTY while a child cgroup goes away
        if (attempt >= 20) {
          throw new SystemException("cannot remove cgroup " + d, busy);
        }
        sleep();
      } catch (IOException e) {
        throw new SystemException("cannot remove cgroup " + d, e);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted while removing a cgroup", e);
    }
  }
}
