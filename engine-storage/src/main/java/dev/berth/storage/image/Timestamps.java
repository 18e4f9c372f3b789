package dev.berth.storage.image;

import dev.berth.api.errors.InvalidParameterException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dockerd's {@code timetypes.GetTimestamp} for {@code until}/{@code since} filters: durations, dates, unix time. */
public final class Timestamps {
  private Timestamps() {}

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Pattern UNIX = Pattern.compile("\\d+(\\.\\d{1,9})?");

  public static Instant parse(String value, Instant now, ZoneId local) {
    Long nanos = goDuration(value);
    if (nanos != null && !value.equals("0")) {
      return now.minusNanos(nanos);
    }
    try {
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(value).atStartOfDay(local).toInstant();
      }
      if (value.contains("T")) {
        try {
          return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
          return LocalDateTime.parse(value).atZone(local).toInstant();
        }
      }
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(e.getMessage(), e);
    }
    if (UNIX.matcher(value).matches()) {
      BigDecimal secs = new BigDecimal(value);
      return Instant.ofEpochSecond(secs.longValue(), secs.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    throw new InvalidParameterException("failed to parse value as time or duration: \"" + value + "\"");
  }

  /** Go's {@code time.ParseDuration} for non-negative values, in nanoseconds; null when not a duration. */
  public static Long goDuration(String s) {
    if (s.equals("0")) {
      return 0L;
    }
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = DURATION_PART.matcher(s);
    int pos = 0;
    BigDecimal total = BigDecimal.ZERO;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        return null;
      }
      BigDecimal n = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      total = total.add(n.multiply(BigDecimal.valueOf(unit)));
      pos = m.end();
    }
    return total.longValue();
  }
}
