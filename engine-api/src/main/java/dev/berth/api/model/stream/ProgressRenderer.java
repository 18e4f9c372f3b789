package dev.berth.api.model.stream;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Renders a progress detail the way moby's {@code jsonmessage.JSONProgress.String()} does, including go-units'
 * {@code HumanSize} ({@code %.4g} with decimal units) and Go's {@code time.Duration} text for the time left.
 */
final class ProgressRenderer {

  private static final String[] DECIMAL_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private ProgressRenderer() {}

  static String render(JsonMessage.ProgressDetail p, int width, Instant now) {
    long current = p.current();
    long total = p.total();
    String units = p.units() == null ? "" : p.units();
    if (current <= 0 && total <= 0) {
      return "";
    }
    if (total <= 0) {
      return units.isEmpty() ? String.format("%8s", humanSize(current)) : current + " " + units;
    }
    int percentage = Math.min(50, (int) ((double) current / (double) total * 100) / 2);
    String bar = "";
    if (width > 110) {
      int filled = Math.max(0, percentage);
      bar = "[" + "=".repeat(filled) + ">" + " ".repeat(Math.max(0, 50 - percentage)) + "] ";
    }
    String numbers;
    if (p.hideCounts()) {
      numbers = "";
    } else if (units.isEmpty()) {
      String cur = humanSize(current);
      numbers = current > total ? String.format("%8s", cur) : String.format("%8s/%s", cur, humanSize(total));
    } else {
      numbers = current > total ? current + " " + units : current + "/" + total + " " + units;
    }
    String timeLeft = "";
    if (width > 50 && current > 0 && p.start() > 0 && percentage < 50) {
      long fromStart = (now.getEpochSecond() - p.start()) * NANOS_PER_SECOND + now.getNano();
      long perEntry = fromStart / current;
      timeLeft = " " + goDurationSeconds((total - current) * perEntry);
    }
    return bar + numbers + timeLeft;
  }

  /** go-units {@code HumanSize}: {@code %.4g} of the size in powers of 1000 with "B", "kB", "MB" …. */
  static String humanSize(double size) {
    int i = 0;
    while (size >= 1000.0 && i < DECIMAL_UNITS.length - 1) {
      size = size / 1000.0;
      i++;
    }
    return formatG4(size) + DECIMAL_UNITS[i];
  }

  /** Go's {@code fmt.Sprintf("%.4g", v)}: four significant digits, trailing zeros dropped. */
  static String formatG4(double v) {
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 4) {
      String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
      String exp = String.format("%02d", Math.abs(exponent));
      return mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** Go's {@code d.Round(time.Second).String()} for a duration in nanoseconds. */
  static String goDurationSeconds(long nanos) {
    long abs = Math.abs(nanos);
    long rem = abs % NANOS_PER_SECOND;
    long seconds = abs / NANOS_PER_SECOND + (rem + rem < NANOS_PER_SECOND ? 0 : 1);
    if (seconds == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    long s = seconds % 60;
    if (h > 0) {
      return sign + h + "h" + m + "m" + s + "s";
    }
    if (m > 0) {
      return sign + m + "m" + s + "s";
    }
    return sign + s + "s";
  }
}
