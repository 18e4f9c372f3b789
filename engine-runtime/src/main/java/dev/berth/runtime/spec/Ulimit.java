package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;

/**
 * {@code --ulimit name=soft[:hard]} (Docker's {@code Ulimit}); {@code -1} is unlimited.
 */
public record Ulimit(String name, long soft, long hard) {

  /** The names Docker accepts (go-units; {@code as} is deliberately absent). */
  public static final List<String> NAMES = List.of(
      "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio",
      "rttime", "sigpending", "stack");

  /** Parses the CLI/daemon.json form with go-units' messages. */
  public static Ulimit parse(String value) {
    int eq = value.indexOf('=');
    if (eq < 0) {
      throw new InvalidParameterException("invalid ulimit argument: " + value);
    }
    String name = value.substring(0, eq);
    String limits = value.substring(eq + 1);
    if (!NAMES.contains(name)) {
      throw new InvalidParameterException("invalid ulimit type: " + name);
    }
    String[] parts = limits.split(":", -1);
    if (parts.length > 2) {
      throw new InvalidParameterException("too many limit value arguments - " + limits
          + ", can only have up to two, `soft[:hard]`");
    }
    long soft = number(parts[0]);
    long hard = parts.length == 2 ? number(parts[1]) : soft;
    Ulimit u = new Ulimit(name, soft, hard);
    u.validate();
    return u;
  }

  /** Checks the name and that soft does not exceed hard (go-units' rules). */
  public void validate() {
    if (!NAMES.contains(name)) {
      throw new InvalidParameterException("invalid ulimit type: " + name);
    }
    if (hard != -1) {
      if (soft == -1) {
        throw new InvalidParameterException("ulimit soft limit must be less than or equal to hard limit: "
            + "soft: -1 (unlimited), hard: " + hard);
      }
      if (soft > hard) {
        throw new InvalidParameterException(
            "ulimit soft limit must be less than or equal to hard limit: " + soft + " > " + hard);
      }
    }
  }

  /** The OCI rlimit type, e.g. {@code RLIMIT_NOFILE}. */
  public String rlimitType() {
    return "RLIMIT_" + name.toUpperCase(java.util.Locale.ROOT);
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("strconv.ParseInt: parsing \"" + s + "\": invalid syntax", e);
    }
  }
}
