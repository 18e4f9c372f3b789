package dev.berth.storage.layer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * moby's {@code directory.Size}: the apparent size of the non-directory entries under a tree, each inode counted
 * once (hard links), symlinks not followed. What {@code SizeRw} of a container reports for its writable layer.
 */
public final class DirectorySize {
  private DirectorySize() {}

  /** The size in bytes; 0 for a missing directory, and entries that vanish during the walk are skipped. */
  public static long of(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long[] total = {0};
    Set<Object> seen = new HashSet<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
          if (!a.isDirectory() && a.size() > 0 && (a.fileKey() == null || seen.add(a.fileKey()))) {
            total[0] += a.size();
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return total[0];
    }
    return total[0];
  }
}
