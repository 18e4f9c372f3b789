package dev.berth.daemon.build.dockerfile;

import java.util.Collection;
import java.util.Locale;

/** buildkit's {@code suggest.WrapError}: " (did you mean X?)" for an option within edit distance 2. */
final class Suggest {
  private Suggest() {}

  static String suffix(String value, Collection<String> options, boolean caseSensitive) {
    String val = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    String match = "";
    int min = 3;
    for (String option : options) {
      String opt = caseSensitive ? option : option.toLowerCase(Locale.ROOT);
      if (val.equals(opt)) {
        return "";
      }
      int d = distance(val, opt);
      if (d < min) {
        match = caseSensitive ? opt : matchCase(opt, value);
        min = d;
      }
    }
    return match.isEmpty() ? "" : " (did you mean " + match + "?)";
  }

  private static String matchCase(String val, String orig) {
    if (orig.equals(orig.toLowerCase(Locale.ROOT))) {
      return val.toLowerCase(Locale.ROOT);
    }
    if (orig.equals(orig.toUpperCase(Locale.ROOT))) {
      return val.toUpperCase(Locale.ROOT);
    }
    return val;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
