package dev.berth.storage.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The file-system calls Java cannot make: device nodes, ownership without following links, full mode bits
 * (setuid/setgid/sticky), extended attributes and nanosecond times on symlinks. None follows a final symlink.
 * Failures are {@link ErrnoException}s carrying errno. Implementations: {@code LinuxFsOps} (JNR) and a recording
 * fake in the tests.
 */
public interface FsOps {
  int S_IFMT = 0170000;
  int S_IFIFO = 0010000;
  int S_IFCHR = 0020000;
  int S_IFBLK = 0060000;

  /** Creates a device node or fifo; {@code mode} holds the file type bits and permissions. */
  void mknod(Path path, int mode, int major, int minor) throws IOException;

  void lchown(Path path, int uid, int gid) throws IOException;

  /** Sets all twelve permission bits (Java's API cannot set setuid, setgid or sticky). Never on symlinks. */
  void chmod(Path path, int mode) throws IOException;

  void lsetxattr(Path path, String name, byte[] value) throws IOException;

  /** An attribute's value, or empty when the file does not have it. */
  Optional<byte[]> lgetxattr(Path path, String name) throws IOException;

  List<String> llistxattr(Path path) throws IOException;

  /** Sets access and modification times with nanoseconds, on the link itself for symlinks. */
  void lutimes(Path path, Instant atime, Instant mtime) throws IOException;
}
