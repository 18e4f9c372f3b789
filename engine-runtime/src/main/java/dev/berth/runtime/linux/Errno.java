package dev.berth.runtime.linux;

import dev.berth.api.errors.SystemException;

/**
 * Translates a failed native call into an engine error, once for the module. dockerd answers 500 for mount and
 * socket failures whatever the errno, so every errno becomes a {@link SystemException}; the raw number stays
 * reachable through the {@link NativeCallException} cause.
 */
public final class Errno {
  public static final int ENOENT = 2;
  public static final int EINVAL = 22;

  private Errno() {}

  /**
   * Builds the exception for a failed call.
   *
   * @param action what was attempted, e.g. {@code "mount overlay on /x"}
   * @param errno the errno read right after the failure
   * @param description the text of {@code strerror(errno)}
   */
  public static SystemException toException(String action, int errno, String description) {
    return new SystemException(action + ": " + description, new NativeCallException(errno, description));
  }

  /** The cause attached to every translated errno; carries the raw number for callers that need it. */
  public static final class NativeCallException extends Exception {
    private final int errno;

    NativeCallException(int errno, String description) {
      super("errno " + errno + " (" + description + ")");
      this.errno = errno;
    }

    public int errno() {
      return errno;
    }
  }
}
