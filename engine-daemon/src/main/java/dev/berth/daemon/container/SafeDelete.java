package dev.berth.daemon.container;

import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a directory tree without ever descending into a mount point (a rootfs or bind mount still mounted
 * below it would otherwise lose the image's or the user's files). Symlinks are deleted, never followed.
 */
final class SafeDelete {
  private static final Logger log = LoggerFactory.getLogger(SafeDelete.class);

  private SafeDelete() {}

  static void tree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Set<Path> mounts = mountPoints();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          if (mounts.contains(d.toAbsolutePath().normalize())) {
            log.error("not deleting {}: it is still a mount point", d);
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(f);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) {
          try {
            Files.deleteIfExists(d);
          } catch (IOException ex) {
            log.warn("cannot delete {}: {}", d, ex.toString());
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      log.warn("cannot delete {}: {}", dir, e.toString());
    }
  }

  static Set<Path> mountPoints() {
    Set<Path> out = new HashSet<>();
    try {
      for (String line : KernelFiles.lines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4) {
          out.add(Path.of(f[4].replace("\\040", " ")));
        }
      }
    } catch (IOException e) {
      log.warn("cannot read mountinfo: {}", e.toString());
    }
    return out;
  }
}
