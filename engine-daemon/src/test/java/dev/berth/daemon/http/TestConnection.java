package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * An {@link HttpConnectionHandler} behind {@link HttpServerCodec} on an {@link EmbeddedChannel}: raw request bytes
 * in, encoded response bytes out (netty's {@code HttpObjectAggregatorTest} style).
 *
 * <p>With {@link #DIRECT} handlers run on the test thread, which is also the embedded event loop. A handler that
 * reads a request body must run on another thread ({@link ThreadExecutor}), because the body arrives after the
 * handler has started; the test then touches the channel only after the handler thread has finished, since an
 * {@code EmbeddedChannel} is not thread-safe.
 */
final class TestConnection implements AutoCloseable {
  static final Executor DIRECT = Runnable::run;

  final EmbeddedChannel channel;

  TestConnection(Router router, Executor executor) {
    channel = new EmbeddedChannel(new HttpServerCodec(), new HttpConnectionHandler(
        new Dispatcher(List.of(router)), new ServerIdentity("28.2.2", false), executor));
  }

  static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: docker\r\n\r\n";
  }

  /** Writes raw bytes as the client, then runs what the handler scheduled on the event loop. */
  void send(String raw) {
    channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
    channel.runPendingTasks();
  }

  /** Everything written to the client since the last call. */
  String output() {
    StringBuilder sb = new StringBuilder();
    for (Object o; (o = channel.readOutbound()) != null; ) {
      ByteBuf b = (ByteBuf) o;
      sb.append(b.toString(StandardCharsets.ISO_8859_1));
      b.release();
    }
    return sb.toString();
  }

  /** Sends one request and parses the one response it got. */
  WireResponse exchange(String raw, boolean head) {
    send(raw);
    List<WireResponse> rs = WireResponse.parse(output(), head);
    assertEquals(1, rs.size(), rs.toString());
    return rs.get(0);
  }

  WireResponse exchange(String raw) {
    return exchange(raw, false);
  }

  boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() {
    channel.finishAndReleaseAll();
  }

  /** Runs each task on its own virtual thread and lets the test wait for all of them. */
  static final class ThreadExecutor implements Executor {
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public void execute(Runnable task) {
      threads.add(Thread.ofVirtual().name("test-handler").start(task));
    }

    void awaitAll() throws InterruptedException {
      for (Thread t : threads) {
        assertTrue(t.join(Duration.ofSeconds(5)), "handler thread finished");
      }
    }
  }
}
