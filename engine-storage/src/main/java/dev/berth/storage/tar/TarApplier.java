package dev.berth.storage.tar;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.linux.ErrnoException;
import dev.berth.storage.linux.FsOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an uncompressed layer tar onto a directory (dockerd's {@code UnpackLayer}): regular files, dirs,
 * symlinks, hard links, devices, fifos, owners, modes, xattrs and times; whiteouts per {@link WhiteoutMode}.
 * Every path is resolved inside the target ({@link ScopedPaths}); entries that try to escape are refused with an
 * {@link InvalidParameterException}. The caller applies into a private directory and discards it on failure.
 */
public final class TarApplier {
  private static final Logger log = LoggerFactory.getLogger(TarApplier.class);
  static final String WHITEOUT_PREFIX = ".wh.";
  static final String WHITEOUT_META_PREFIX = ".wh..wh.";
  static final String WHITEOUT_OPAQUE = ".wh..wh..opq";
  static final String OPAQUE_XATTR = "trusted.overlay.opaque";
  private static final String XATTR_PAX_PREFIX = "SCHILY.xattr.";

  private final FsOps fs;
  private final WhiteoutMode whiteouts;
  private final boolean ownershipBestEffort;

  /**
   * @param ownershipBestEffort tolerate EPERM from chown/mknod/xattrs (an unprivileged daemon or test); a
   *     privileged daemon passes false so a broken layer is not silently accepted
   */
  public TarApplier(FsOps fs, WhiteoutMode whiteouts, boolean ownershipBestEffort) {
    this.fs = fs;
    this.whiteouts = whiteouts;
    this.ownershipBestEffort = ownershipBestEffort;
  }

  /** The result of one apply: the bytes of regular file content written. */
  public record Result(long size) {}

  public Result apply(InputStream tar, Path target) throws IOException {
    Session session = new Session(new ScopedPaths(target, true));
    TarArchiveInputStream in = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
    for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
      if (!e.isGlobalPaxHeader()) {
        session.size += applyEntry(session, e, in);
      }
    }
    // Directory times last, deepest first: creating children changed them.
    for (int i = session.dirs.size() - 1; i >= 0; i--) {
      DeferredDir d = session.dirs.get(i);
      if (Files.isDirectory(d.path(), LinkOption.NOFOLLOW_LINKS)) {
        setTimes(d.path(), d.entry());
      }
    }
    return new Result(session.size);
  }

  private static final class Session {
    final ScopedPaths paths;
    final Set<Path> unpacked = new HashSet<>();
    final List<DeferredDir> dirs = new ArrayList<>();
    long size;

    Session(ScopedPaths paths) {
      this.paths = paths;
    }
  }

  private record DeferredDir(Path path, TarArchiveEntry entry) {}

  /** Applies one entry; returns what it adds to the layer size (file bytes, symlink target lengths: dockerd's lstat sizes). */
  private long applyEntry(Session s, TarArchiveEntry e, InputStream in) throws IOException {
    String name = e.getName();
    List<String> clean = EntryNames.clean(name);
    if (clean.isEmpty()) {
      if (e.isDirectory()) {
        applyMetadata(s.paths.root(), e);
        s.dirs.add(new DeferredDir(s.paths.root(), e));
      }
      return 0;
    }
    String base = clean.get(clean.size() - 1);
    if (clean.size() == 1 && base.startsWith(WHITEOUT_META_PREFIX) && !base.equals(WHITEOUT_OPAQUE)) {
      return 0; // AUFS metadata (.wh..wh.plnk and friends)
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      // Onto a flattened tree a whiteout in a missing directory has nothing to delete: create nothing.
      Path path = s.paths.resolve(clean, name, whiteouts == WhiteoutMode.OVERLAY);
      if (Files.isDirectory(path.getParent(), LinkOption.NOFOLLOW_LINKS)) {
        applyWhiteout(path, base, e, s.unpacked);
      }
      return 0;
    }
    Path path = s.paths.resolve(clean, name, true);
    removeConflicting(path, e);
    long written = 0;
    if (e.isDirectory()) {
      if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(path);
      }
      s.dirs.add(new DeferredDir(path, e));
    } else if (e.isSymbolicLink()) {
      Files.createSymbolicLink(path, Paths.get(e.getLinkName()));
      written = e.getLinkName().getBytes(StandardCharsets.UTF_8).length; // lstat size, as dockerd counts it
    } else if (e.isLink()) {
      createHardLink(s, e, path);
      return 0; // the inode already carries its metadata
    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      int type = e.isCharacterDevice() ? FsOps.S_IFCHR : e.isBlockDevice() ? FsOps.S_IFBLK : FsOps.S_IFIFO;
      int mode = type | (e.getMode() & 07777);
      if (!tolerate(() -> fs.mknod(path, mode, e.getDevMajor(), e.getDevMinor()))) {
        return 0;
      }
    } else if (e.isFile()) {
      try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(out);
      }
      written = e.getSize();
    } else {
      log.debug("skipping tar entry {} of unsupported type", name);
      return 0;
    }
    s.unpacked.add(path);
    applyMetadata(path, e);
    return written;
  }

  private void createHardLink(Session s, TarArchiveEntry e, Path path) throws IOException {
    List<String> linkClean = EntryNames.clean(e.getLinkName());
    if (linkClean.isEmpty()) {
      throw new InvalidParameterException(
          "invalid hardlink \"" + e.getName() + "\" -> \"" + e.getLinkName() + "\"");
    }
    Path existing = s.paths.resolve(linkClean, e.getName(), false);
    if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidParameterException("invalid hardlink \"" + e.getName() + "\": target \""
          + e.getLinkName() + "\" does not exist");
    }
    Files.createLink(path, existing);
    s.unpacked.add(path);
  }

  /** Replaces whatever is at {@code path}, except a directory being merged with a directory entry. */
  private void removeConflicting(Path path, TarArchiveEntry e) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (e.isDirectory() && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    AtomicFiles.deleteTree(path);
  }

  private void applyWhiteout(Path path, String base, TarArchiveEntry e, Set<Path> unpacked) throws IOException {
    Path dir = path.getParent();
    if (base.equals(WHITEOUT_OPAQUE)) {
      if (whiteouts == WhiteoutMode.OVERLAY) {
        tolerate(() -> fs.lsetxattr(dir, OPAQUE_XATTR, new byte[] {'y'}));
      } else {
        try (var children = Files.list(dir)) {
          for (Path child : children.toList()) {
            if (!unpacked.contains(child)) {
              AtomicFiles.deleteTree(child);
            }
          }
        }
      }
      return;
    }
    Path victim = dir.resolve(base.substring(WHITEOUT_PREFIX.length()));
    if (whiteouts == WhiteoutMode.OVERLAY) {
      AtomicFiles.deleteTree(victim);
      if (tolerate(() -> fs.mknod(victim, FsOps.S_IFCHR, 0, 0))) {
        tolerate(() -> fs.lchown(victim, (int) e.getLongUserId(), (int) e.getLongGroupId()));
      }
    } else {
      AtomicFiles.deleteTree(victim);
    }
  }

  private void applyMetadata(Path path, TarArchiveEntry e) throws IOException {
    tolerate(() -> fs.lchown(path, (int) e.getLongUserId(), (int) e.getLongGroupId()));
    for (Map.Entry<String, String> h : e.getExtraPaxHeaders().entrySet()) {
      if (h.getKey().startsWith(XATTR_PAX_PREFIX)) {
        String xattr = h.getKey().substring(XATTR_PAX_PREFIX.length());
        // commons-compress decodes PAX values as UTF-8, so binary values that are not valid UTF-8 arrive
        // damaged; the kernel then refuses them (EINVAL) and we keep going without that attribute.
        byte[] value = h.getValue().getBytes(StandardCharsets.UTF_8);
        try {
          fs.lsetxattr(path, xattr, value);
        } catch (ErrnoException ex) {
          if (!ex.isNotPermittedOrUnsupported() && ex.errno() != ErrnoException.EINVAL) {
            throw ex;
          }
          log.warn("ignoring xattr {} on {}: {}", xattr, path, ex.getMessage());
        }
      }
    }
    if (!e.isSymbolicLink()) {
      fs.chmod(path, e.getMode() & 07777);
    }
    if (!e.isDirectory()) {
      setTimes(path, e);
    }
  }

  private void setTimes(Path path, TarArchiveEntry e) throws IOException {
    Instant mtime = e.getLastModifiedTime().toInstant();
    Instant atime = e.getLastAccessTime() != null ? e.getLastAccessTime().toInstant() : mtime;
    fs.lutimes(path, atime, mtime);
  }

  private interface Op {
    void run() throws IOException;
  }

  /** Runs an op; EPERM is tolerated only in best-effort mode. Returns whether it succeeded. */
  private boolean tolerate(Op op) throws IOException {
    try {
      op.run();
      return true;
    } catch (ErrnoException ex) {
      if (ownershipBestEffort && ex.isNotPermittedOrUnsupported()) {
        log.debug("best effort: {}", ex.getMessage());
        return false;
      }
      throw ex;
    }
  }
}
