package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Single-threaded: the test is both the event loop (offer/end) and the reader, reading only what is queued. */
class InboundStreamTest {
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final InboundStream in = new InboundStream(channel);

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private void offer(byte[] bytes) {
    ByteBuf b = Unpooled.wrappedBuffer(bytes);
    in.offer(b);
    assertFalse(b.isReadable(), "offer consumes the readable bytes");
    b.release();
  }

  @Test
  void readsWhatWasOffered_thenEof() throws IOException {
    offer(new byte[] {1, 2, 3});
    offer(new byte[0]);
    offer(new byte[] {4});
    assertEquals(4, in.available());
    byte[] two = new byte[2];
    assertEquals(2, in.read(two, 0, 2));
    assertArrayEquals(new byte[] {1, 2}, two);
    assertEquals(3, in.read());
    assertEquals(4, in.read());
    assertEquals(0, in.read(two, 0, 0));
    in.end();
    assertTrue(in.isEnded());
    assertEquals(-1, in.read());
    assertEquals(-1, in.read(two, 0, 2));
  }

  @Test
  void readDoesNotSpanChunks() throws IOException {
    offer(new byte[] {1, 2});
    offer(new byte[] {3, 4});
    byte[] buf = new byte[10];
    assertEquals(2, in.read(buf, 0, 10));
    assertEquals(2, in.read(buf, 5, 10));
    assertArrayEquals(new byte[] {1, 2, 0, 0, 0, 3, 4, 0, 0, 0}, buf);
  }

  @Test
  void backpressure_pausesAboveHigh_resumesBelowLow() throws IOException {
    assertTrue(channel.config().isAutoRead());
    byte[] chunk = new byte[64 << 10];
    int chunks = InboundStream.HIGH / chunk.length + 1;
    for (int i = 0; i < chunks; i++) {
      offer(chunk);
    }
    assertFalse(channel.config().isAutoRead(), "reading from the socket paused");
    byte[] buf = new byte[chunk.length];
    while (in.available() >= InboundStream.LOW) {
      assertEquals(chunk.length, in.read(buf, 0, buf.length));
      channel.runPendingTasks();
      if (in.available() >= InboundStream.LOW) {
        assertFalse(channel.config().isAutoRead(), "still paused above the low-water mark");
      }
    }
    channel.runPendingTasks();
    assertTrue(channel.config().isAutoRead(), "resumed once the reader caught up");
  }

  @Test
  void close_dropsQueuedBytes_ignoresLaterOffers_andResumesReading() throws IOException {
    byte[] big = new byte[InboundStream.HIGH + 1];
    offer(big);
    assertFalse(channel.config().isAutoRead());
    in.close();
    channel.runPendingTasks();
    assertTrue(channel.config().isAutoRead());
    assertEquals(0, in.available());
    offer(new byte[] {1});
    assertEquals(0, in.available());
    assertEquals(-1, in.read());
  }
}
