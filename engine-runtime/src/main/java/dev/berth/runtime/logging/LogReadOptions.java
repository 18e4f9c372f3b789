package dev.berth.runtime.logging;

import java.time.Instant;

/**
 * What {@code docker logs} asked for.
 *
 * @param since skip messages older than this ({@code null}: from the start)
 * @param until stop at the first message newer than this; when following, also stop once the clock passes it
 * @param tail how many of the last messages to print first; negative for all
 * @param follow keep printing new messages until the container exits
 */
public record LogReadOptions(boolean stdout, boolean stderr, Instant since, Instant until, int tail,
    boolean follow) {

  public static LogReadOptions all() {
    return new LogReadOptions(true, true, null, null, -1, false);
  }

  boolean wants(LogEntry e) {
    boolean stream = e.stream() == StdStream.STDOUT ? stdout : stderr;
    return stream && (since == null || !e.time().isBefore(since));
  }

  boolean isPastUntil(LogEntry e) {
    return until != null && e.time().isAfter(until);
  }
}
