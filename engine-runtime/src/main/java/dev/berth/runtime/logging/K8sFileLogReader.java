package dev.berth.runtime.logging;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;

/**
 * Reads conmon's k8s-file logs. On-disk format (conmon {@code ctr_logging.c}): one record per line,
 * {@code <RFC3339Nano with offset> <stdout|stderr> <F|P> <bytes>}; {@code P} records are pieces of a line that
 * conmon read before its newline and are joined here. With {@code --log-size-max} conmon starts the file over
 * (new file renamed over the path), so follow tracks the file by inode and by size.
 *
 * <p>Note for the lead: this is not Docker's json-file format ({@code {"log":…,"stream":…,"time":…}} per line,
 * with {@code max-file} rotation into {@code -json.log.1…}). Tools that read
 * {@code /var/lib/docker/containers/ID/ID-json.log} directly would need our own monitor writing json-file.
 */
public final class K8sFileLogReader implements LogReader {
  private final Path path;
  private final Duration pollInterval;

  public K8sFileLogReader(Path path) {
    this(path, Duration.ofMillis(100));
  }

  K8sFileLogReader(Path path, Duration pollInterval) {
    this.path = path;
    this.pollInterval = pollInterval;
  }

  @Override
  public void read(LogReadOptions options, CompletionStage<?> exited, LogSink sink) {
    Emitter out = new Emitter(options, sink);
    PartialJoiner joiner = new PartialJoiner();
    try (LogFileCursor cursor = new LogFileCursor(path)) {
      cursor.open();
      cursor.readAvailable(line -> out.offer(joiner, line));
      if (!options.follow()) {
        joiner.flush(out::emit);
      }
      out.endOfBacklog();
      if (options.follow() && !out.stopped) {
        follow(cursor, joiner, out, options, exited);
        joiner.flush(out::emit);
      }
    } catch (ClosedByInterruptException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new SystemException("cannot read log file " + path, e);
    }
  }

  private void follow(LogFileCursor cursor, PartialJoiner joiner, Emitter out, LogReadOptions options,
      CompletionStage<?> exited) throws IOException {
    boolean finalPass = false;
    while (!out.stopped) {
      boolean exitedBefore = exited.toCompletableFuture().isDone();
      boolean progressed = cursor.readAvailable(line -> out.offer(joiner, line));
      if (!cursor.isOpen() || cursor.isReplaced()) {
        cursor.readAvailable(line -> out.offer(joiner, line));
        progressed |= cursor.open();
      } else if (cursor.isTruncated()) {
        cursor.rewind();
        progressed = true;
      }
      if (progressed || out.stopped) {
        continue;
      }
      if (exitedBefore) {
        if (finalPass) {
          return;
        }
        finalPass = true; // conmon wrote everything before the exit file: one more pass, then stop
        continue;
      }
      if (options.until() != null && Instant.now().isAfter(options.until())) {
        return;
      }
      try {
        Thread.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Applies stream/since/until/tail and forwards to the sink. */
  private static final class Emitter {
    private final LogReadOptions options;
    private final LogSink sink;
    private ArrayDeque<LogEntry> backlog; // non-null while collecting the last `tail` entries
    private boolean pastUntil;
    private boolean stopped; // past until, sink refused, or thread interrupted

    Emitter(LogReadOptions options, LogSink sink) {
      this.options = options;
      this.sink = sink;
      this.backlog = options.tail() >= 0 ? new ArrayDeque<>() : null;
    }

    void offer(PartialJoiner joiner, byte[] raw) {
      K8sLogLine line = K8sLogLine.parse(raw, 0, raw.length);
      LogEntry entry = line == null ? null : joiner.add(line);
      if (entry != null) {
        emit(entry);
      }
    }

    void emit(LogEntry e) {
      if (pastUntil || stopped || options.isBeforeSince(e)) {
        return;
      }
      if (options.isPastUntil(e)) {
        pastUntil = true;
        stopped = backlog == null;
        return;
      }
      if (backlog != null) {
        backlog.addLast(e);
        if (backlog.size() > options.tail()) {
          backlog.removeFirst();
        }
        return;
      }
      deliver(e);
    }

    /** Ends tail collection: delivers the collected entries; later entries go straight to the sink. */
    void endOfBacklog() {
      if (backlog == null) {
        return;
      }
      ArrayDeque<LogEntry> collected = backlog;
      backlog = null;
      for (LogEntry e : collected) {
        if (!stopped) {
          deliver(e);
        }
      }
      stopped |= pastUntil;
    }

    private void deliver(LogEntry e) {
      if (!options.wantsStream(e)) {
        return;
      }
      if (!sink.accept(e) || Thread.currentThread().isInterrupted()) {
        stopped = true;
      }
    }
  }
}
