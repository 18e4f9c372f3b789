package dev.berth.runtime.it;

import dev.berth.runtime.logging.StdStream;
import dev.berth.runtime.monitor.StreamSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects attach output per stream. */
final class RecordingSink implements StreamSink {
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public synchronized void output(StdStream stream, byte[] data) {
    (stream == StdStream.STDOUT ? stdout : stderr).writeBytes(data);
    notifyAll();
  }

  @Override
  public void closed() {
    closed.countDown();
  }

  synchronized String stdout() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  synchronized String stderr() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  boolean awaitClosed(Duration timeout) throws InterruptedException {
    return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until stdout satisfies {@code condition}; returns the final stdout. */
  synchronized String awaitStdout(Predicate<String> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(stdout()) && System.nanoTime() < deadline) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return stdout();
  }
}
