package dev.berth.runtime.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * conmon's "sync pipe", redirected to a regular file. A real pipe cannot be used from the JVM: the JDK drains and
 * closes a child's stdout/stdin pipes as soon as the direct child exits, and the conmon parent exits within
 * milliseconds (its daemon then failed with EPIPE). So fd 3 appends to this file and {@link #next} polls it for
 * the next complete line; conmon writes each message with one write(2).
 */
final class SyncFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 1 ms: every start and exec waits on this file twice; a read of the few bytes costs microseconds. */
  private static final long POLL_NANOS = 1_000_000;

  private final Path file;
  private int consumed; // bytes of complete lines already returned

  SyncFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /**
   * The next message, polling every millisecond; {@code null} when {@code monitorGone} reports that conmon is gone and
   * no further line arrived.
   *
   * @throws TimeoutException when nothing came within {@code timeout}
   */
  SyncMessage next(Duration timeout, BooleanSupplier monitorGone) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean gone = monitorGone.getAsBoolean(); // before reading: conmon writes, then exits
      String line = nextLine();
      if (line != null) {
        return parse(line);
      }
      if (gone) {
        return null;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TimeoutException("no message from conmon in " + file);
      }
      try {
        Thread.sleep(Duration.ofNanos(POLL_NANOS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SystemException("interrupted while waiting for conmon", e);
      }
    }
  }

  private String nextLine() {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new SystemException("cannot read " + file, e);
    }
    for (int i = consumed; i < all.length; i++) {
      if (all[i] == '\n') {
        String line = new String(all, consumed, i - consumed, StandardCharsets.UTF_8);
        consumed = i + 1;
        return line;
      }
    }
    return null;
  }

  static SyncMessage parse(String line) {
    try {
      return JSON.readValue(line, SyncMessage.class);
    } catch (JsonProcessingException e) {
      throw new SystemException("conmon sent an unreadable sync message: " + line, e);
    }
  }
}
