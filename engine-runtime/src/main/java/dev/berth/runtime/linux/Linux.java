package dev.berth.runtime.linux;

import jnr.ffi.LibraryLoader;

/**
 * Probes once whether the native layer (libc through JNR) works, like netty's {@code Epoll}. The composition root
 * calls {@link #ensureAvailability()} at startup; tests use {@code assumeTrue(Linux.isAvailable())}. Setting the
 * system property {@code dev.berth.native.disable=true} turns the native layer off.
 */
public final class Linux {
  private static final LibC LIBC;
  private static final Throwable UNAVAILABILITY_CAUSE;

  static {
    LibC libc = null;
    Throwable cause = null;
    if (Boolean.getBoolean("dev.berth.native.disable")) {
      cause = new UnsupportedOperationException("native layer disabled by -Ddev.berth.native.disable=true");
    } else if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      cause = new UnsupportedOperationException("not Linux: " + System.getProperty("os.name"));
    } else {
      try {
        libc = LibraryLoader.create(LibC.class).load("c");
        if (libc.getpid() <= 0) {
          throw new IllegalStateException("getpid() returned a non-positive pid");
        }
      } catch (Throwable t) {
        libc = null;
        cause = t;
      }
    }
    LIBC = libc;
    UNAVAILABILITY_CAUSE = cause;
  }

  private Linux() {}

  public static boolean isAvailable() {
    return UNAVAILABILITY_CAUSE == null;
  }

  /** Returns why the native layer is unavailable, or {@code null} when it is available. */
  public static Throwable unavailabilityCause() {
    return UNAVAILABILITY_CAUSE;
  }

  public static void ensureAvailability() {
    if (UNAVAILABILITY_CAUSE != null) {
      throw new UnsatisfiedLinkError("Berth's native layer is unavailable: " + UNAVAILABILITY_CAUSE);
    }
  }

  static LibC libc() {
    ensureAvailability();
    return LIBC;
  }

  /** errno of the last failed call on this thread; call only right after a call returned -1. */
  static int lastErrno() {
    return jnr.ffi.Runtime.getRuntime(LIBC).getLastError();
  }
}
