package dev.berth.api.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as Go's {@code encoding/json} writes a {@code time.Time}: RFC 3339 with nanoseconds and trailing
 * zeros trimmed ({@code time.RFC3339Nano}), in UTC. The zero {@code time.Time} is written, never omitted, as
 * {@link #ZERO}: Go's {@code omitempty} has no effect on a struct value, so fields such as an image's
 * {@code Metadata.LastTagTime} or a stopped container's {@code State.StartedAt} carry it.
 */
public final class GoTime {

  /** Go's zero {@code time.Time}, as dockerd writes it for "never". */
  public static final String ZERO = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private GoTime() {}

  /** Formats like Go's {@code t.UTC().Format(time.RFC3339Nano)}; {@code null} gives {@link #ZERO}. */
  public static String rfc3339Nano(Instant t) {
    if (t == null) {
      return ZERO;
    }
    OffsetDateTime utc = t.atOffset(ZoneOffset.UTC);
    StringBuilder s = new StringBuilder(SECONDS.format(utc));
    int nanos = utc.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      s.append('.').append(fraction, 0, end);
    }
    return s.append('Z').toString();
  }

  /** Parses an RFC 3339 timestamp with any offset and fraction; {@code null} or empty gives {@code null}. */
  public static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /** True for Go's zero time, which means "never" (not started, not finished, not tagged). */
  public static boolean isZero(String text) {
    return text == null || text.isEmpty() || text.equals(ZERO);
  }
}
