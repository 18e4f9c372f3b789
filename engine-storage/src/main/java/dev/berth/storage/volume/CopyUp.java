package dev.berth.storage.volume;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Fills a new, empty volume with what the image has at the mount path (moby {@code copyExistingContents}):
 * files, directories and symlinks with their modes, owners and times; the volume root takes the source
 * directory's mode and owner. Symlinks are copied as links, never followed, so the copy stays inside
 * {@code source}.
 */
public final class CopyUp {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private CopyUp() {}

  /** Copies the tree under {@code source} into {@code target}; a missing or non-directory source copies nothing. */
  public static void copy(Path source, Path target) throws IOException {
    if (!Files.isDirectory(source, NOFOLLOW)) {
      return;
    }
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path to = target.resolve(source.relativize(dir).toString());
        try {
          Files.createDirectory(to);
        } catch (FileAlreadyExistsException e) {
          // the volume root
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path to = target.resolve(source.relativize(file).toString());
        if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
          Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING,
              LinkOption.NOFOLLOW_LINKS);
          owner(file, to);
          if (attrs.isRegularFile()) {
            mode(file, to);
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Path to = target.resolve(source.relativize(dir).toString());
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, NOFOLLOW);
        owner(dir, to);
        mode(dir, to);
        Files.getFileAttributeView(to, PosixFileAttributeView.class, NOFOLLOW)
            .setTimes(a.lastModifiedTime(), a.lastAccessTime(), null);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** The full mode with setuid, setgid and sticky bits (after the chown, which clears setuid). */
  private static void mode(Path from, Path to) throws IOException {
    int mode = (Integer) Files.getAttribute(from, "unix:mode", NOFOLLOW);
    Files.setAttribute(to, "unix:mode", mode & 07777, NOFOLLOW);
  }

  private static void owner(Path from, Path to) throws IOException {
    Object uid = Files.getAttribute(from, "unix:uid", NOFOLLOW);
    Object gid = Files.getAttribute(from, "unix:gid", NOFOLLOW);
    try {
      Files.setAttribute(to, "unix:uid", uid, NOFOLLOW);
      Files.setAttribute(to, "unix:gid", gid, NOFOLLOW);
    } catch (IOException | SecurityException e) {
      // not root (unit tests): ownership stays the caller's
    }
  }
}
