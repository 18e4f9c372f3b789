package dev.berth.daemon;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Milestones of a cold start, in milliseconds since the process started (exec), logged at debug level once
 * the logger is up: {@code startup: listening 212 ms (config 95, locks 101, ...)}.
 */
final class StartupClock {
  private static final long START = System.nanoTime() - sinceExec() * 1_000_000;
  private static final List<String> marks = new ArrayList<>();

  private StartupClock() {}

  /** Milliseconds since exec, from the kernel's clock ticks (10 ms resolution); 0 when /proc is unreadable. */
  private static long sinceExec() {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long startTicks = Long.parseLong(f[19]); // field 22 (starttime), counted after "pid (comm) "
      String up = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"));
      double uptime = Double.parseDouble(up.substring(0, up.indexOf(' ')));
      return Math.max(0, Math.round(uptime * 1000) - startTicks * 10);
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  static synchronized void mark(String phase) {
    marks.add(phase + " " + (System.nanoTime() - START) / 1_000_000);
  }

  /** Logs the milestones recorded so far as one debug line ending with {@code phase}, and forgets them. */
  static synchronized void log(Logger log, String phase) {
    long now = (System.nanoTime() - START) / 1_000_000;
    if (log.isDebugEnabled()) {
      log.debug("startup: {} {} ms ({})", phase, now, String.join(", ", marks));
    }
    marks.clear();
  }
}
