package dev.berth.runtime.logging;

import java.time.Instant;

/**
 * What {@code docker logs} asked for.
 *
 * @param since skip messages older than this ({@code null}: from the start)
 * @param until stop at the first message newer than this; when following, also stop once the clock passes it
 * @param tail how many of the last messages to print first; negative for all. As dockerd, it counts the
 *     messages of both streams: {@code tail=2} with stdout only shows the stdout ones among the last two
 * @param follow keep printing new messages until the container exits
 */
public record LogReadOptions(boolean stdout, boolean stderr, Instant since, Instant until, int tail,
    boolean follow) {

  public static LogReadOptions all() {
    return new LogReadOptions(true, true, null, null, -1, false);
  }

  boolean wantsStream(LogEntry e) {
    return e.stream() == StdStream.STDOUT ? stdout : stderr;
  }

  boolean isBeforeSince(LogEntry e) {
    return since != null && e.time().isBefore(since);
  }

  boolean isPastUntil(LogEntry e) {
    return until != null && e.time().isAfter(until);
  }
}
