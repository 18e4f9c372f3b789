package dev.berth.daemon.container;

import dev.berth.api.backend.OutputSink;
import dev.berth.api.types.StdStreamType;
import dev.berth.runtime.logging.StdStream;
import dev.berth.runtime.monitor.AttachConnection;
import dev.berth.runtime.monitor.StreamSink;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries a process's output from the monitor connection (delivered on a Netty event loop, which must not block)
 * to a client's sink (which may block) through a queue; above 1 MiB queued it pauses reading from the monitor.
 */
final class OutputPump implements StreamSink {
  private static final long HIGH = 1 << 20;
  private static final long LOW = 256 << 10;
  private static final byte[] END = new byte[0];

  private record Chunk(StdStream stream, byte[] data) {}

  private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queued = new AtomicLong();
  private final boolean stdout;
  private final boolean stderr;
  private volatile AttachConnection connection;
  private volatile boolean paused;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  OutputPump(boolean stdout, boolean stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  void connected(AttachConnection c) {
    this.connection = c;
  }

  @Override
  public void output(StdStream stream, byte[] data) {
    if ((stream == StdStream.STDOUT && !stdout) || (stream == StdStream.STDERR && !stderr)) {
      return;
    }
    queue.add(new Chunk(stream, data));
    if (queued.addAndGet(data.length) > HIGH && !paused && connection != null) {
      paused = true;
      connection.setOutputPaused(true);
    }
  }

  @Override
  public void closed() {
    queue.add(new Chunk(StdStream.STDOUT, END));
  }

  /** Ends the pump early (detach or client gone). */
  void stop() {
    stopped.complete(null);
    queue.add(new Chunk(StdStream.STDOUT, END));
  }

  /** Copies output to {@code out} until the connection ends or {@link #stop()}; blocks. */
  void drainTo(OutputSink out) throws IOException {
    try {
      while (!stopped.isDone()) {
        Chunk c = queue.poll(1, TimeUnit.SECONDS);
        if (c == null) {
          continue;
        }
        if (c.data() == END) {
          return;
        }
        out.write(c.stream() == StdStream.STDOUT ? StdStreamType.STDOUT : StdStreamType.STDERR, c.data());
        if (queued.addAndGet(-c.data().length) < LOW && paused) {
          paused = false;
          connection.setOutputPaused(false);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
