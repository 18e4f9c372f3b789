package dev.berth.storage.linux;

import java.io.IOException;

/** A failed system call with its errno. */
public final class ErrnoException extends IOException {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EEXIST = 17;
  public static final int EINVAL = 22;
  public static final int ENODATA = 61;
  public static final int EOPNOTSUPP = 95;

  private final int errno;

  public ErrnoException(String call, String path, int errno, String detail) {
    super(call + " " + path + ": " + detail + " (errno " + errno + ")");
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }

  /** Permission or support problems that callers may tolerate when not fully privileged. */
  public boolean isNotPermittedOrUnsupported() {
    return errno == EPERM || errno == EOPNOTSUPP;
  }
}
