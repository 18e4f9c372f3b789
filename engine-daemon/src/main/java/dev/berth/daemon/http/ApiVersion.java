package dev.berth.daemon.http;

import dev.berth.api.errors.InvalidParameterException;

/** Docker API versions ("1.47") compared numerically, and the range this daemon serves. */
public final class ApiVersion {
  public static final String MIN = "1.24";
  public static final String MAX = "1.50";

  private ApiVersion() {}

  /** Negative, zero or positive as {@code a} is below, equal to or above {@code b} (moby {@code versions.compare}). */
  public static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? parsePart(x[i]) : 0;
      int q = i < y.length ? parsePart(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  public static boolean lessThan(String a, String b) {
    return compare(a, b) < 0;
  }

  public static boolean atLeast(String a, String b) {
    return compare(a, b) >= 0;
  }

  /** Throws dockerd's error for a version outside {@code [MIN, MAX]}. */
  public static void checkSupported(String v) {
    if (lessThan(v, MIN)) {
      throw new InvalidParameterException("client version " + v + " is too old. Minimum supported API version is "
          + MIN + ", please upgrade your client to a newer version");
    }
    if (compare(v, MAX) > 0) {
      throw new InvalidParameterException(
          "client version " + v + " is too new. Maximum supported API version is " + MAX);
    }
  }

  private static int parsePart(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
