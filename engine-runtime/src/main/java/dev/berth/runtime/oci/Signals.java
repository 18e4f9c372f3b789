package dev.berth.runtime.oci;

import dev.berth.api.errors.InvalidParameterException;
import java.util.Locale;
import java.util.Map;

/** Linux signal names and numbers, parsed the way dockerd does ({@code SIGUSR1}, {@code usr1}, {@code 10}). */
public final class Signals {
  public static final int SIGKILL = 9;
  public static final int SIGTERM = 15;
  private static final int SIGRTMIN = 34;
  private static final int SIGRTMAX = 64;

  private static final Map<String, Integer> NUMBERS = Map.ofEntries(
      Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
      Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7),
      Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11),
      Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
      Map.entry("STKFLT", 16), Map.entry("CHLD", 17), Map.entry("CLD", 17), Map.entry("CONT", 18),
      Map.entry("STOP", 19), Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22),
      Map.entry("URG", 23), Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("VTALRM", 26),
      Map.entry("PROF", 27), Map.entry("WINCH", 28), Map.entry("IO", 29), Map.entry("POLL", 29),
      Map.entry("PWR", 30), Map.entry("SYS", 31), Map.entry("UNUSED", 31));

  private Signals() {}

  /**
   * Parses a signal: a number 1–64, or a name with or without {@code SIG}, any case, including
   * {@code RTMIN+n} and {@code RTMAX-n}.
   *
   * @throws InvalidParameterException {@code Invalid signal: X}, dockerd's message
   */
  public static int parse(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      int n = s.length() > 3 ? -1 : Integer.parseInt(s);
      if (n >= 1 && n <= SIGRTMAX) {
        return n;
      }
      throw invalid(raw);
    }
    String name = s.toUpperCase(Locale.ROOT);
    if (name.startsWith("SIG")) {
      name = name.substring(3);
    }
    Integer n = NUMBERS.get(name);
    if (n != null) {
      return n;
    }
    int rt = realtime(name);
    if (rt > 0) {
      return rt;
    }
    throw invalid(raw);
  }

  private static int realtime(String name) {
    try {
      if (name.equals("RTMIN")) {
        return SIGRTMIN;
      }
      if (name.equals("RTMAX")) {
        return SIGRTMAX;
      }
      if (name.startsWith("RTMIN+")) {
        int k = Integer.parseInt(name.substring(6));
        return k >= 1 && k <= 15 ? SIGRTMIN + k : -1;
      }
      if (name.startsWith("RTMAX-")) {
        int k = Integer.parseInt(name.substring(6));
        return k >= 1 && k <= 14 ? SIGRTMAX - k : -1;
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static InvalidParameterException invalid(String raw) {
    return new InvalidParameterException("Invalid signal: " + raw);
  }
}
