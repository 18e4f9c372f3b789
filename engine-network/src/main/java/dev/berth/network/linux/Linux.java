package dev.berth.network.linux;

import jnr.ffi.LibraryLoader;

/**
 * Availability probe for the native layer, like netty's {@code Epoll}: loads libc once; {@code
 * -Ddev.berth.native.disable=true} turns it off. Wiring calls {@link #ensureAvailability()} at startup.
 */
public final class Linux {
  private static final LibC LIBC;
  private static final Throwable CAUSE;

  static {
    LibC lib = null;
    Throwable cause = null;
    if (Boolean.getBoolean("dev.berth.native.disable")) {
      cause = new UnsupportedOperationException("native access disabled by dev.berth.native.disable");
    } else if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      cause = new UnsupportedOperationException("not Linux");
    } else {
      try {
        lib = LibraryLoader.create(LibC.class).load("c");
        lib.gettid();
      } catch (Throwable t) {
        lib = null;
        cause = t;
      }
    }
    LIBC = lib;
    CAUSE = cause;
  }

  private Linux() {}

  public static boolean isAvailable() {
    return LIBC != null;
  }

  public static Throwable unavailabilityCause() {
    return CAUSE;
  }

  public static void ensureAvailability() {
    if (LIBC == null) {
      throw new UnsupportedOperationException("Linux native calls unavailable", CAUSE);
    }
  }

  static LibC libc() {
    ensureAvailability();
    return LIBC;
  }

  static int errno() {
    return jnr.ffi.Runtime.getRuntime(LIBC).getLastError();
  }
}
