package dev.berth.daemon.archive;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.linux.FsOps;
import dev.berth.storage.tar.EntryNames;
import dev.berth.storage.tar.ScopedPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a {@code docker cp} tar into a directory of a container (moby {@code archive.Untar} run chrooted in the
 * container root): every path, including symlinks met on the way, is resolved inside the container root, so
 * nothing is written outside it. No whiteout handling (plain files named {@code .wh.*} stay files). With
 * {@code noOverwriteDirNonDir} a directory never replaces a non-directory and vice versa.
 */
final class ArchiveExtractor {
  private final FsOps fs;

  ArchiveExtractor(FsOps fs) {
    this.fs = fs;
  }

  /**
   * @param dest the components of the (resolved, symlink-free) extraction directory below {@code root}
   * @param owner uid and gid for every entry ({@code copyUIDGID} with a container user), or null for the
   *     tar's own
   */
  void extract(InputStream tarStream, Path root, List<String> dest, boolean noOverwriteDirNonDir, int[] owner)
      throws IOException {
    ScopedPaths scoped = new ScopedPaths(root);
    TarArchiveInputStream in = new TarArchiveInputStream(tarStream, StandardCharsets.UTF_8.name());
    List<Object[]> dirs = new ArrayList<>();
    for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
      if (e.isGlobalPaxHeader()) {
        continue;
      }
      List<String> clean = EntryNames.clean(e.getName());
      List<String> full = new ArrayList<>(dest);
      full.addAll(clean);
      Path path = scoped.resolve(full, e.getName(), true);
      if (clean.isEmpty()) {
        if (e.isDirectory()) {
          dirs.add(new Object[] {path, e});
        }
        continue;
      }
      if (ContainerRoot.exists(path)) {
        boolean isDir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (noOverwriteDirNonDir && isDir && !e.isDirectory()) {
          throw new SystemException("cannot overwrite directory \"" + inside(root, path) + "\" with non-directory \""
              + e.getName() + "\"");
        }
        if (noOverwriteDirNonDir && !isDir && e.isDirectory()) {
          throw new SystemException("cannot overwrite non-directory \"" + inside(root, path) + "\" with directory \""
              + e.getName() + "\"");
        }
        if (!(isDir && e.isDirectory())) {
          deleteTree(path);
        }
      }
      if (create(scoped, dest, e, in, path)) {
        metadata(path, e, owner);
        if (e.isDirectory()) {
          dirs.add(new Object[] {path, e});
        }
      }
    }
    for (int i = dirs.size() - 1; i >= 0; i--) {
      TarArchiveEntry e = (TarArchiveEntry) dirs.get(i)[1];
      fs.lutimes((Path) dirs.get(i)[0], e.getLastModifiedTime().toInstant(), e.getLastModifiedTime().toInstant());
    }
  }

  private boolean create(ScopedPaths scoped, List<String> dest, TarArchiveEntry e, InputStream in, Path path)
      throws IOException {
    if (e.isDirectory()) {
      if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(path);
      }
    } else if (e.isSymbolicLink()) {
      Files.createSymbolicLink(path, Paths.get(e.getLinkName()));
    } else if (e.isLink()) {
      List<String> target = new ArrayList<>(dest);
      target.addAll(EntryNames.clean(e.getLinkName()));
      Path existing = scoped.resolve(target, e.getName(), false);
      if (!ContainerRoot.exists(existing)) {
        throw new InvalidParameterException("invalid hardlink \"" + e.getName() + "\" -> \"" + e.getLinkName()
            + "\"");
      }
      Files.createLink(path, existing);
      return false;
    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      int type = e.isCharacterDevice() ? FsOps.S_IFCHR : e.isBlockDevice() ? FsOps.S_IFBLK : FsOps.S_IFIFO;
      fs.mknod(path, type | (e.getMode() & 07777), e.getDevMajor(), e.getDevMinor());
    } else if (e.isFile()) {
      try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(out);
      }
    } else {
      return false;
    }
    return true;
  }

  private void metadata(Path path, TarArchiveEntry e, int[] owner) throws IOException {
    fs.lchown(path, owner != null ? owner[0] : (int) e.getLongUserId(),
        owner != null ? owner[1] : (int) e.getLongGroupId());
    if (!e.isSymbolicLink()) {
      fs.chmod(path, e.getMode() & 07777);
    }
    if (!e.isDirectory()) {
      fs.lutimes(path, e.getLastModifiedTime().toInstant(), e.getLastModifiedTime().toInstant());
    }
  }

  private static String inside(Path root, Path p) {
    return "/" + root.toAbsolutePath().normalize().relativize(p);
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try (var s = Files.list(p)) {
        for (Path c : s.toList()) {
          deleteTree(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }
}
