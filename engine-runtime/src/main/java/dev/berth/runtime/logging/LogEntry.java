package dev.berth.runtime.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One message of container output: a complete line including its {@code \n} (partial {@code P} records joined),
 * or the unterminated tail the container left before exiting.
 *
 * @param time when conmon read the first piece of the message
 */
public record LogEntry(StdStream stream, Instant time, byte[] message) {
  /** Docker's {@code jsonmessage.RFC3339NanoFixed} in UTC: nine fraction digits, {@code Z}. */
  private static final DateTimeFormatter RFC3339_NANO_FIXED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** The bytes {@code docker logs} prints: the message, prefixed by {@code <time> } when {@code timestamps}. */
  public byte[] render(boolean timestamps) {
    return render(timestamps, false);
  }

  /**
   * moby's log line: with {@code details}, the entry's attributes (none are recorded: empty) and a space go
   * first; with {@code timestamps}, the RFC 3339 time and a space go before that.
   */
  public byte[] render(boolean timestamps, boolean details) {
    if (!timestamps && !details) {
      return message;
    }
    byte[] prefix = ((timestamps ? formatTime(time) + " " : "") + (details ? " " : ""))
        .getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(message, 0, out, prefix.length, message.length);
    return out;
  }

  public static String formatTime(Instant time) {
    return RFC3339_NANO_FIXED.format(time);
  }

  @Override
  public String toString() {
    return stream + "@" + time + ":" + new String(message, StandardCharsets.UTF_8);
  }
}
