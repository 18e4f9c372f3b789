package dev.berth.storage.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** {@link FsOps} through glibc via JNR. errno is read only after a call failed (it is stale after success). */
public final class LinuxFsOps implements FsOps {
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final int ERANGE = 34;

  private final LibC libc;
  private final Runtime runtime;

  private LinuxFsOps(LibC libc) {
    this.libc = libc;
    this.runtime = Runtime.getRuntime(libc);
  }

  /**
   * libc, bound once per JVM (JNR generates a class for every binding); throws {@link UnsatisfiedLinkError} when
   * native access is unavailable.
   */
  public static LinuxFsOps load() {
    return Loaded.INSTANCE;
  }

  private static final class Loaded {
    static final LinuxFsOps INSTANCE = new LinuxFsOps(LibraryLoader.create(LibC.class).load("c"));
  }

  @Override
  public void mknod(Path path, int mode, int major, int minor) throws IOException {
    check(libc.mknod(path.toString(), mode, makedev(major, minor)), "mknod", path);
  }

  @Override
  public void lchown(Path path, int uid, int gid) throws IOException {
    check(libc.lchown(path.toString(), uid, gid), "lchown", path);
  }

  @Override
  public void chmod(Path path, int mode) throws IOException {
    check(libc.chmod(path.toString(), mode & 07777), "chmod", path);
  }

  @Override
  public void lsetxattr(Path path, String name, byte[] value) throws IOException {
    check(libc.lsetxattr(path.toString(), name, value, value.length, 0), "lsetxattr " + name, path);
  }

  @Override
  public Optional<byte[]> lgetxattr(Path path, String name) throws IOException {
    byte[] buf = new byte[256];
    while (true) {
      long n = libc.lgetxattr(path.toString(), name, buf, buf.length);
      if (n >= 0) {
        return Optional.of(Arrays.copyOf(buf, (int) n));
      }
      int errno = runtime.getLastError();
      if (errno == ErrnoException.ENODATA) {
        return Optional.empty();
      }
      if (errno != ERANGE || buf.length >= 1 << 20) {
        throw error("lgetxattr " + name, path, errno);
      }
      buf = new byte[buf.length * 4];
    }
  }

  @Override
  public List<String> llistxattr(Path path) throws IOException {
    byte[] buf = new byte[1024];
    long n;
    while ((n = libc.llistxattr(path.toString(), buf, buf.length)) < 0) {
      int errno = runtime.getLastError();
      if (errno == ErrnoException.EOPNOTSUPP) {
        return List.of();
      }
      if (errno != ERANGE || buf.length >= 1 << 20) {
        throw error("llistxattr", path, errno);
      }
      buf = new byte[buf.length * 4];
    }
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buf[i] == 0) {
        if (i > start) {
          names.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return names;
  }

  @Override
  public void lutimes(Path path, Instant atime, Instant mtime) throws IOException {
    long[] times = {atime.getEpochSecond(), atime.getNano(), mtime.getEpochSecond(), mtime.getNano()};
    check(libc.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
  }

  /** glibc's {@code makedev} for 64-bit dev_t. */
  static long makedev(long major, long minor) {
    return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
        | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
  }

  private void check(int rc, String call, Path path) throws ErrnoException {
    if (rc < 0) {
      throw error(call, path, runtime.getLastError());
    }
  }

  private ErrnoException error(String call, Path path, int errno) {
    return new ErrnoException(call, path.toString(), errno, libc.strerror(errno));
  }
}
