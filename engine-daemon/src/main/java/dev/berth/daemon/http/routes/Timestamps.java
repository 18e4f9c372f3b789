package dev.berth.daemon.http.routes;

import dev.berth.api.errors.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Time parameters as moby's {@code timetypes.GetTimestamp} accepts them: unix seconds with optional fraction
 * ({@code 1700000000.123456789}, what the CLI sends), RFC 3339, or a Go duration relative to now ({@code 10m}).
 */
final class Timestamps {
  private Timestamps() {}

  static Instant parse(String v, String name, Instant now) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      if (v.matches("-?\\d+(\\.\\d*)?")) {
        int dot = v.indexOf('.');
        long secs = Long.parseLong(dot < 0 ? v : v.substring(0, dot));
        long nanos = 0;
        if (dot >= 0) {
          String frac = (v.substring(dot + 1) + "000000000").substring(0, 9);
          nanos = Long.parseLong(frac);
        }
        return Instant.ofEpochSecond(secs, nanos);
      }
      if (v.matches("[-+]?(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+")) {
        return now.minus(goDuration(v));
      }
      if (v.matches(".*(Z|[+-]\\d\\d:\\d\\d)$")) {
        return OffsetDateTime.parse(v).toInstant();
      }
      if (v.matches("\\d{4}-\\d\\d-\\d\\d")) {
        return java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
      }
      // moby reads zone-less times in the daemon's local zone
      return java.time.LocalDateTime.parse(v).atZone(java.time.ZoneId.systemDefault()).toInstant();
    } catch (NumberFormatException | java.time.DateTimeException | ArithmeticException e) {
      throw new InvalidParameterException("failed to parse value as time or duration: \"" + v + "\"");
    }
  }

  /** A Go duration such as {@code 10m}, {@code 1h30m}, {@code -1.5s}. */
  static Duration goDuration(String v) {
    boolean negative = v.startsWith("-");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)")
        .matcher(v);
    long nanos = 0;
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      nanos += switch (m.group(2)) {
        case "ns" -> (long) n;
        case "us", "µs" -> (long) (n * 1e3);
        case "ms" -> (long) (n * 1e6);
        case "s" -> (long) (n * 1e9);
        case "m" -> (long) (n * 60e9);
        case "h" -> (long) (n * 3600e9);
        default -> throw new NumberFormatException(m.group(2));
      };
    }
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** The {@code until} filter as unix time ({@code secs.nanos}), whatever form the user typed (24h, RFC 3339 …). */
  static dev.berth.api.filters.Filters untilAsUnixTime(dev.berth.api.filters.Filters f) {
    if (!f.contains("until")) {
      return f;
    }
    java.util.Map<String, java.util.Set<String>> m = new java.util.LinkedHashMap<>(f.asMap());
    Instant now = Instant.now();
    m.put("until", f.values("until").stream().map(v -> {
      Instant t = parse(v, "until", now);
      return t == null ? v : t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }).collect(java.util.stream.Collectors.toSet()));
    return dev.berth.api.filters.Filters.of(m);
  }
}
