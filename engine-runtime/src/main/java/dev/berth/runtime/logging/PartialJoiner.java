package dev.berth.runtime.logging;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Joins {@code P} records with the {@code F} record that completes them, per stream, into {@link LogEntry}s.
 * A message that grows past {@link #MAX_MESSAGE} bytes is emitted in pieces so memory stays bounded.
 */
final class PartialJoiner {
  static final int MAX_MESSAGE = 1 << 20;

  private final Map<StdStream, Pending> pending = new EnumMap<>(StdStream.class);

  private static final class Pending {
    final Instant time;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Pending(Instant time) {
      this.time = time;
    }
  }

  /** Adds a record; returns the completed entry, or null while the message is still partial. */
  LogEntry add(K8sLogLine line) {
    Pending p = pending.computeIfAbsent(line.stream(), s -> new Pending(line.time()));
    p.bytes.writeBytes(line.content());
    if (line.partial()) {
      if (p.bytes.size() < MAX_MESSAGE) {
        return null;
      }
      pending.remove(line.stream());
      return new LogEntry(line.stream(), p.time, p.bytes.toByteArray());
    }
    p.bytes.write('\n');
    pending.remove(line.stream());
    return new LogEntry(line.stream(), p.time, p.bytes.toByteArray());
  }

  /** Emits unterminated messages (the container exited mid-line), oldest first, and forgets them. */
  void flush(java.util.function.Consumer<LogEntry> out) {
    pending.entrySet().stream()
        .sorted(Map.Entry.comparingByValue((a, b) -> a.time.compareTo(b.time)))
        .forEach(e -> out.accept(new LogEntry(e.getKey(), e.getValue().time, e.getValue().bytes.toByteArray())));
    pending.clear();
  }
}
