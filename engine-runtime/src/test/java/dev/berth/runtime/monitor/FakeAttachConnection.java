package dev.berth.runtime.monitor;

import dev.berth.runtime.logging.StdStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/** An attach connection whose stdin is recorded and whose output the test pushes with {@link #emit}. */
public final class FakeAttachConnection implements AttachConnection {
  private final StreamSink sink;
  private final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile boolean stdinClosed;
  private volatile boolean paused;

  public FakeAttachConnection(StreamSink sink) {
    this.sink = sink;
  }

  public void emit(StdStream stream, byte[] data) {
    if (!closed.isDone()) {
      sink.output(stream, data);
    }
  }

  /** The process ended: no more output. */
  public void end() {
    if (closed.complete(null)) {
      sink.closed();
    }
  }

  public synchronized byte[] stdin() {
    return stdin.toByteArray();
  }

  public boolean isStdinClosed() {
    return stdinClosed;
  }

  public boolean isOutputPaused() {
    return paused;
  }

  @Override
  public synchronized void writeStdin(byte[] data) {
    if (!stdinClosed) {
      stdin.writeBytes(data);
    }
  }

  @Override
  public void closeStdin() {
    stdinClosed = true;
  }

  @Override
  public void setOutputPaused(boolean paused) {
    this.paused = paused;
  }

  @Override
  public CompletableFuture<Void> closed() {
    return closed;
  }

  @Override
  public void close() {
    end();
  }
}
