package dev.berth.runtime.monitor;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes messages to conmon's {@code ctl} fifo: {@code "1 <height> <width>\n"} resizes the TTY,
 * {@code "2 0 0\n"} reopens the log file (conmon {@code ctrl.c}). conmon 2.1.6 mis-parses two messages that it
 * reads in one go (it re-parses the first line for each newline), so a burst of resizes would end at the wrong
 * size; writes to the same fifo are therefore spaced by {@link #SPACING_NANOS}.
 */
final class ControlFifo {
  static final long SPACING_NANOS = 20_000_000;
  private static final Map<Path, Spacer> SPACERS = new ConcurrentHashMap<>();

  /** A lock (not synchronized: virtual threads sleep here) and the nanoTime of the last write, 0 for never. */
  private static final class Spacer extends ReentrantLock {
    long lastWrite;
  }

  private ControlFifo() {}

  static void resize(Path fifo, int height, int width) {
    write(fifo, "1 " + height + " " + width + "\n");
  }

  static void reopenLog(Path fifo) {
    write(fifo, "2 0 0\n");
  }

  /**
   * Opened read-write: that never blocks (a write-only open would wait forever if conmon is gone), and a message
   * fits the pipe buffer, so the write does not block either.
   */
  static void write(Path fifo, String message) {
    if (SPACERS.size() > 4096) {
      SPACERS.clear(); // forget old fifos: spacing only matters within milliseconds
    }
    Spacer spacer = SPACERS.computeIfAbsent(fifo, p -> new Spacer());
    spacer.lock();
    try {
      long wait = spacer.lastWrite == 0 ? 0 : SPACING_NANOS - (System.nanoTime() - spacer.lastWrite);
      if (wait > 0) {
        sleep(wait);
      }
      try (FileChannel ch = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII)));
      } catch (NoSuchFileException e) {
        throw new NotFoundException("no monitor control fifo at " + fifo, e);
      } catch (IOException e) {
        throw new SystemException("cannot write to " + fifo, e);
      } finally {
        spacer.lastWrite = System.nanoTime();
      }
    } finally {
      spacer.unlock();
    }
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted while writing to a control fifo", e);
    }
  }
}
