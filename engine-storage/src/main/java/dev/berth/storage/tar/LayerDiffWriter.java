package dev.berth.storage.tar;

import dev.berth.storage.linux.DeviceNumbers;
import dev.berth.storage.linux.FsOps;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes an overlayfs upper directory as a layer tar (dockerd's overlay whiteout converter in reverse): a 0/0
 * character device becomes a {@code .wh.<name>} entry and a directory with {@code trusted.overlay.opaque=y} gets a
 * {@code .wh..wh..opq} entry. Hard links are kept (by inode), names of any length use PAX, only
 * {@code security.capability} is carried as an xattr, like dockerd.
 */
public final class LayerDiffWriter {
  private static final String CAPABILITY_XATTR = "security.capability";

  private final FsOps fs;

  public LayerDiffWriter(FsOps fs) {
    this.fs = fs;
  }

  /**
   * The files a container runtime bind-mounts over the root filesystem ({@code /etc/hosts}, {@code /etc/hostname},
   * {@code /etc/resolv.conf}): the runtime creates them as empty mount points when the image lacks them, and
   * dockerd keeps them in its init layer, so commits of a container never carry them.
   */
  public static final Set<String> CONTAINER_MOUNT_POINTS = Set.of("etc/hosts", "etc/hostname", "etc/resolv.conf");

  /**
   * The upper directory as a layer tar to read while a virtual thread writes it (commit, build steps). A failure
   * of the writer surfaces as an {@link IOException} from the read that reaches the end, so a truncated tar is
   * never taken for a whole layer.
   */
  public InputStream stream(Path upper, Set<String> mountPoints, String threadName) throws IOException {
    PipedInputStream in = new PipedInputStream(256 * 1024);
    PipedOutputStream out = new PipedOutputStream(in);
    CompletableFuture<Void> writer = new CompletableFuture<>();
    Thread.ofVirtual().name(threadName).start(() -> {
      try (out) {
        write(upper, out, mountPoints);
        writer.complete(null);
      } catch (IOException | RuntimeException e) {
        writer.completeExceptionally(e);
      }
    });
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        return checked(super.read());
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return checked(super.read(b, off, len));
      }

      private int checked(int n) throws IOException {
        if (n < 0) {
          try {
            writer.join();
          } catch (CompletionException e) {
            throw new IOException("cannot write the layer of " + upper + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        }
        return n;
      }
    };
  }

  public void write(Path upper, OutputStream out) throws IOException {
    write(upper, out, Set.of());
  }

  /**
   * Writes the upper directory, leaving out the regular files whose paths (relative, no leading slash) are in
   * {@code mountPoints}: see {@link #CONTAINER_MOUNT_POINTS}.
   */
  public void write(Path upper, OutputStream out, Set<String> mountPoints) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    Map<Long, String> inodes = new HashMap<>();
    List<Path> all;
    try (Stream<Path> walk = Files.walk(upper)) {
      all = walk.filter(p -> !p.equals(upper))
          .filter(p -> !(mountPoints.contains(upper.relativize(p).toString())
              && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)))
          .sorted().toList();
    }
    for (Path p : all) {
      writeEntry(tar, upper, p, inodes);
    }
    tar.finish();
    tar.flush();
  }

  private void writeEntry(TarArchiveOutputStream tar, Path upper, Path p, Map<Long, String> inodes)
      throws IOException {
    String rel = upper.relativize(p).toString();
    Map<String, Object> st = Files.readAttributes(p, "unix:mode,uid,gid,rdev,ino,nlink,size,lastModifiedTime",
        LinkOption.NOFOLLOW_LINKS);
    int mode = (int) st.get("mode");
    int type = mode & FsOps.S_IFMT;
    long rdev = (long) st.get("rdev");
    FileTime mtime = (FileTime) st.get("lastModifiedTime");
    if (type == FsOps.S_IFCHR && rdev == 0) {
      TarArchiveEntry wh = new TarArchiveEntry(whiteoutName(rel), TarConstants.LF_NORMAL);
      wh.setMode(0600);
      wh.setSize(0);
      wh.setLastModifiedTime(mtime);
      owner(wh, st);
      tar.putArchiveEntry(wh);
      tar.closeArchiveEntry();
      return;
    }
    TarArchiveEntry e;
    boolean content = false;
    if (Files.isSymbolicLink(p)) {
      e = new TarArchiveEntry(rel, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(p).toString());
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      e = new TarArchiveEntry(rel + "/", TarConstants.LF_DIR);
    } else if (type == FsOps.S_IFCHR || type == FsOps.S_IFBLK || type == FsOps.S_IFIFO) {
      byte flag = type == FsOps.S_IFCHR ? TarConstants.LF_CHR
          : type == FsOps.S_IFBLK ? TarConstants.LF_BLK : TarConstants.LF_FIFO;
      e = new TarArchiveEntry(rel, flag);
      e.setDevMajor(DeviceNumbers.major(rdev));
      e.setDevMinor(DeviceNumbers.minor(rdev));
    } else {
      long ino = (long) st.get("ino");
      String first = (int) st.get("nlink") > 1 ? inodes.putIfAbsent(ino, rel) : null;
      if (first != null) {
        e = new TarArchiveEntry(rel, TarConstants.LF_LINK);
        e.setLinkName(first);
      } else {
        e = new TarArchiveEntry(rel, TarConstants.LF_NORMAL);
        e.setSize((long) st.get("size"));
        content = true;
      }
    }
    e.setMode(mode & 07777);
    e.setLastModifiedTime(mtime);
    owner(e, st);
    capability(p, e);
    tar.putArchiveEntry(e);
    if (content) {
      Files.copy(p, tar);
    }
    tar.closeArchiveEntry();
    if (e.isDirectory() && isOpaque(p)) {
      TarArchiveEntry opq = new TarArchiveEntry(rel + "/" + TarApplier.WHITEOUT_OPAQUE, TarConstants.LF_NORMAL);
      opq.setMode(mode & 0777);
      opq.setSize(0);
      opq.setLastModifiedTime(mtime);
      owner(opq, st);
      tar.putArchiveEntry(opq);
      tar.closeArchiveEntry();
    }
  }

  private static String whiteoutName(String rel) {
    int slash = rel.lastIndexOf('/');
    return rel.substring(0, slash + 1) + TarApplier.WHITEOUT_PREFIX + rel.substring(slash + 1);
  }

  private static void owner(TarArchiveEntry e, Map<String, Object> st) {
    e.setUserId((int) st.get("uid"));
    e.setGroupId((int) st.get("gid"));
  }

  private void capability(Path p, TarArchiveEntry e) throws IOException {
    if (Files.isSymbolicLink(p)) {
      return;
    }
    Optional<byte[]> cap = fs.lgetxattr(p, CAPABILITY_XATTR);
    cap.ifPresent(v -> e.addPaxHeader("SCHILY.xattr." + CAPABILITY_XATTR, new String(v, StandardCharsets.UTF_8)));
  }

  private boolean isOpaque(Path dir) throws IOException {
    Optional<byte[]> v = fs.lgetxattr(dir, TarApplier.OPAQUE_XATTR);
    return v.isPresent() && v.get().length == 1 && v.get()[0] == 'y';
  }
}
