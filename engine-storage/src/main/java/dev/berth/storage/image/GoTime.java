package dev.berth.storage.image;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Go's RFC 3339 time text ({@code time.RFC3339Nano}: trailing zeros of the fraction trimmed). */
public final class GoTime {
  private GoTime() {}

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  public static String format(Instant t) {
    OffsetDateTime odt = t.atOffset(ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(SECONDS.format(odt));
    int nanos = odt.getNano();
    if (nanos != 0) {
      String frac = String.format("%09d", nanos);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    return sb.append('Z').toString();
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
