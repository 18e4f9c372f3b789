package dev.berth.daemon.archive;

import dev.berth.storage.linux.DeviceNumbers;
import dev.berth.storage.linux.FsOps;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a file or directory tree as a tar (moby {@code archive.TarWithOptions} with one include and a rebase
 * name): the top entry is named {@code rebase}, the others {@code rebase/<relative path>}. Nothing is followed:
 * symlinks are archived as links. Hard links (by inode), devices, fifos, owners, modes, times and
 * {@code security.capability} are kept; sockets are skipped as dockerd does.
 */
final class TreeTarWriter {
  private static final int S_IFMT = 0170000;
  private static final String CAPABILITY = "security.capability";

  private final FsOps fs;

  TreeTarWriter(FsOps fs) {
    this.fs = fs;
  }

  /**
   * @param rebase the name of {@code top} in the archive; null writes the children of {@code top} only, named
   *     relative to it (export)
   * @param topIsRoot {@code top} is the container root, which may be the magic link {@code /proc/<pid>/root}: it
   *     is followed (only it)
   */
  void write(Path top, String rebase, OutputStream out, boolean topIsRoot, KernelMounts skip) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    Map<Long, String> inodes = new HashMap<>();
    if (rebase != null) {
      entry(tar, top, rebase, inodes, topIsRoot);
    }
    if ((topIsRoot ? Files.isDirectory(top) : Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS))
        && !skip.isMountPoint(top)) {
      walk(tar, top, top, rebase, inodes, skip);
    }
    tar.finish();
    tar.flush();
  }

  /** Depth first, names sorted; never follows a symlink below {@code top}. */
  private void walk(TarArchiveOutputStream tar, Path top, Path dir, String rebase, Map<Long, String> inodes,
      KernelMounts skip) throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      return;
    }
    for (Path p : children) {
      String rel = top.relativize(p).toString();
      entry(tar, p, rebase == null ? rel : join(rebase, rel), inodes, false);
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !skip.isMountPoint(p)) {
        walk(tar, top, p, rebase, inodes, skip);
      }
    }
  }

  private static String join(String base, String rel) {
    if (base.isEmpty() || base.equals("/")) {
      return "/" + rel;
    }
    return base.endsWith("/") ? base + rel : base + "/" + rel;
  }

  private void entry(TarArchiveOutputStream tar, Path p, String name, Map<Long, String> inodes, boolean follow)
      throws IOException {
    Map<String, Object> st;
    try {
      st = follow ? Files.readAttributes(p, "unix:mode,uid,gid,rdev,ino,nlink,size,lastModifiedTime")
          : Files.readAttributes(p, "unix:mode,uid,gid,rdev,ino,nlink,size,lastModifiedTime",
          LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return; // vanished while we walked
    }
    int mode = (int) st.get("mode");
    int type = mode & S_IFMT;
    TarArchiveEntry e;
    boolean content = false;
    switch (type) {
      case 0120000 -> {
        e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        e.setLinkName(Files.readSymbolicLink(p).toString());
      }
      case 0040000 -> e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, true);
      case 0020000, 0060000, 0010000 -> {
        e = new TarArchiveEntry(name, type == 0020000 ? TarConstants.LF_CHR
            : type == 0060000 ? TarConstants.LF_BLK : TarConstants.LF_FIFO, true);
        long rdev = (long) st.get("rdev");
        e.setDevMajor(DeviceNumbers.major(rdev));
        e.setDevMinor(DeviceNumbers.minor(rdev));
      }
      case 0100000 -> {
        String first = (int) st.get("nlink") > 1 ? inodes.putIfAbsent((long) st.get("ino"), name) : null;
        if (first != null) {
          e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
          e.setLinkName(first);
        } else {
          e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
          e.setSize((long) st.get("size"));
          content = true;
        }
      }
      default -> {
        return; // sockets
      }
    }
    e.setMode(mode & (S_IFMT | 07777)); // with the file type bits, as Go's tar.FileInfoHeader writes them
    e.setLastModifiedTime((FileTime) st.get("lastModifiedTime"));
    e.setUserId((int) st.get("uid"));
    e.setGroupId((int) st.get("gid"));
    if (type == 0100000) {
      capability(p, e);
    }
    if (content) {
      writeContent(tar, e, p);
    } else {
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    }
  }

  private void capability(Path p, TarArchiveEntry e) {
    try {
      Optional<byte[]> cap = fs.lgetxattr(p, CAPABILITY);
      cap.ifPresent(v -> e.addPaxHeader("SCHILY.xattr." + CAPABILITY, new String(v, StandardCharsets.ISO_8859_1)));
    } catch (IOException ex) {
      // no xattrs on this file system (tmpfs, proc): nothing to carry
    }
  }

  /** Copies exactly the size in the header, even if the file changes meanwhile (tar must stay well-formed). */
  private static void writeContent(TarArchiveOutputStream tar, TarArchiveEntry e, Path p) throws IOException {
    tar.putArchiveEntry(e);
    long left = e.getSize();
    try (var in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buf = new byte[64 * 1024];
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        tar.write(buf, 0, n);
        left -= n;
      }
    }
    byte[] zeros = new byte[8192];
    while (left > 0) {
      int n = (int) Math.min(zeros.length, left);
      tar.write(zeros, 0, n);
      left -= n;
    }
    tar.closeArchiveEntry();
  }
}
