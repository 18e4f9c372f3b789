package dev.berth.runtime.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.errors.SystemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The read end of conmon's sync pipe. Each {@link #next} reads one line on a virtual thread and waits with a
 * deadline; on timeout the caller kills conmon, which closes the pipe and ends the read.
 */
final class SyncPipe implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InputStream in;
  private final BufferedReader reader;

  SyncPipe(InputStream in) {
    this.in = in;
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /**
   * The next message; {@code null} at EOF (conmon exited without writing one).
   *
   * @throws TimeoutException when nothing came within {@code timeout}
   */
  SyncMessage next(Duration timeout) throws TimeoutException {
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread.ofVirtual().name("berth-conmon-sync").start(() -> {
      try {
        line.complete(reader.readLine());
      } catch (IOException e) {
        line.completeExceptionally(e);
      }
    });
    String text;
    try {
      text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted while waiting for conmon", e);
    } catch (ExecutionException e) {
      throw new SystemException("cannot read conmon's sync pipe", e.getCause());
    }
    return text == null ? null : parse(text);
  }

  static SyncMessage parse(String line) {
    try {
      return JSON.readValue(line, SyncMessage.class);
    } catch (JsonProcessingException e) {
      throw new SystemException("conmon sent an unreadable sync message: " + line, e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing to do: the pipe is gone either way
    }
  }
}
