package dev.berth.storage.image;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Go's RFC 3339 time text ({@code time.RFC3339Nano}: trailing zeros of the fraction trimmed). */
public final class GoTime {
  private GoTime() {}

  /** Go's {@code time.RFC3339Nano} text (the one formatter lives in engine-api). */
  public static String format(Instant t) {
    return dev.berth.api.model.GoTime.rfc3339Nano(t);
  }

  /** Parses RFC 3339 with any offset; empty for null or unparsable text. */
  public static Optional<Instant> parse(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
