package dev.berth.daemon.build.dockerfile;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Go's {@code time.ParseDuration} ("1h30m", "1.5s", "300ms", "-2us") with Go's error messages. */
public final class GoDuration {
  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Go's {@code Duration.String()}: {@code 0s}, {@code 1.5s}, {@code 1m30s}, {@code 1h0m0s}, {@code 300ms}. */
  public static String format(Duration d) {
    long ns = d.toNanos();
    if (ns == 0) {
      return "0s";
    }
    String sign = ns < 0 ? "-" : "";
    long u = Math.abs(ns);
    if (u < 1_000L) {
      return sign + u + "ns";
    }
    if (u < 1_000_000L) {
      return sign + fraction(u, 1_000L) + "\u00b5s";
    }
    if (u < 1_000_000_000L) {
      return sign + fraction(u, 1_000_000L) + "ms";
    }
    String seconds = fraction(u % 60_000_000_000L, 1_000_000_000L) + "s";
    long minutes = u / 60_000_000_000L;
    if (minutes == 0) {
      return sign + seconds;
    }
    long hours = minutes / 60;
    return sign + (hours > 0 ? hours + "h" + (minutes % 60) + "m" : minutes + "m") + seconds;
  }

  /** {@code value / unit} with the fraction's trailing zeros dropped ({@code 1.5}, {@code 2}). */
  private static String fraction(long value, long unit) {
    return new BigDecimal(value).divide(new BigDecimal(unit)).stripTrailingZeros().toPlainString();
  }

  static Duration parse(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    while (!s.isEmpty()) {
      int i = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      boolean pre = i > 0;
      int j = i;
      if (j < s.length() && s.charAt(j) == '.') {
        j++;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
      }
      boolean post = j > i + 1;
      if (!pre && !post) {
        throw invalid(orig);
      }
      BigDecimal number = new BigDecimal((pre ? s.substring(0, i) : "0") + (post ? s.substring(i, j) : ""));
      int k = j;
      while (k < s.length() && s.charAt(k) != '.' && !Character.isDigit(s.charAt(k))) {
        k++;
      }
      String unit = s.substring(j, k);
      if (unit.isEmpty()) {
        throw new DockerfileException("time: missing unit in duration " + GoQuote.quote(orig));
      }
      Long scale = UNITS.get(unit);
      if (scale == null) {
        throw new DockerfileException("time: unknown unit " + GoQuote.quote(unit) + " in duration "
            + GoQuote.quote(orig));
      }
      total = total.add(number.multiply(BigDecimal.valueOf(scale)));
      s = s.substring(k);
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(orig);
    }
    long nanos = total.longValue();
    return Duration.ofNanos(neg ? -nanos : nanos);
  }

  private static DockerfileException invalid(String orig) {
    return new DockerfileException("time: invalid duration " + GoQuote.quote(orig));
  }
}
