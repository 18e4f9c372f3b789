package dev.berth.daemon.http.routes;

import dev.berth.api.errors.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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
      if (v.matches("\\d+(\\.\\d+)?(ns|us|ms|s|m|h)")) {
        return now.minus(goDuration(v));
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidParameterException("failed to parse value as time or duration: \"" + v + "\"");
    }
  }

  static Duration goDuration(String v) {
    String num = v.replaceAll("[a-z]+$", "");
    String unit = v.substring(num.length());
    double n = Double.parseDouble(num);
    long nanos = switch (unit) {
      case "ns" -> (long) n;
      case "us" -> (long) (n * 1e3);
      case "ms" -> (long) (n * 1e6);
      case "s" -> (long) (n * 1e9);
      case "m" -> (long) (n * 60e9);
      case "h" -> (long) (n * 3600e9);
      default -> throw new NumberFormatException(unit);
    };
    return Duration.ofNanos(nanos);
  }
}
