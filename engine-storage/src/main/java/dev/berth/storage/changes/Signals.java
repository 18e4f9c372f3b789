package dev.berth.storage.changes;

import dev.berth.api.errors.InvalidParameterException;
import java.util.Locale;
import java.util.Set;

/** Validates a stop signal as moby's {@code signal.ParseSignal} does (name with or without SIG, or a number). */
final class Signals {
  private static final Set<String> NAMES = Set.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP",
      "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS",
      "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN",
      "RTMAX");

  private Signals() {}

  static String check(String raw) {
    if (raw.matches("\\d+")) {
      int n = Integer.parseInt(raw);
      if (n == 0 || n > 64) {
        throw new InvalidParameterException("Invalid signal: " + raw);
      }
      return raw;
    }
    String name = raw.toUpperCase(Locale.ROOT);
    name = name.startsWith("SIG") ? name.substring(3) : name;
    if (NAMES.contains(name) || name.matches("RTMIN\\+([1-9]|1[0-5])") || name.matches("RTMAX-([1-9]|1[0-4])")) {
      return raw;
    }
    throw new InvalidParameterException("Invalid signal: " + raw);
  }
}
