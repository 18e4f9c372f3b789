package dev.berth.daemon.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The body of a chunked response. Nothing reaches the wire until the first {@link #flush()}: until then the
 * handler may still fail and get a real error status ("streams commit late").
 */
public final class ResponseStream extends OutputStream {
  private static final int FLUSH_THRESHOLD = 32 * 1024;

  private final ChannelWriter writer;
  private final Supplier<HttpResponse> head;
  private final CompletableFuture<Void> clientGone;
  private ByteBuf buffer = Unpooled.buffer(1024);
  private boolean committed;
  private boolean finished;

  /** @param inputShutdown completes when the client shuts down its sending side during this response */
  ResponseStream(ChannelWriter writer, Supplier<HttpResponse> head, CompletableFuture<Void> inputShutdown) {
    this.writer = writer;
    this.head = head;
    this.clientGone = new CompletableFuture<>();
    writer.channel().closeFuture().addListener(f -> clientGone.complete(null));
    inputShutdown.thenRun(() -> clientGone.complete(null));
  }

  /**
   * Completes when the client disconnects (or shuts down its side, which HTTP clients only do when they go
   * away), so idle streams (events, logs -f, a build's RUN step) can stop.
   */
  public CompletableFuture<Void> clientGone() {
    return clientGone;
  }

  public boolean isCommitted() {
    return committed;
  }

  @Override
  public void write(int b) throws IOException {
    buffer.writeByte(b);
    if (buffer.readableBytes() >= FLUSH_THRESHOLD) {
      flush();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    buffer.writeBytes(b, off, len);
    if (buffer.readableBytes() >= FLUSH_THRESHOLD) {
      flush();
    }
  }

  /** Writes one complete line-like message and flushes it, as progress and event streams do. */
  public void writeMessage(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
    flush();
  }

  @Override
  public void flush() throws IOException {
    commit();
    if (buffer.isReadable()) {
      ByteBuf out = buffer;
      buffer = Unpooled.buffer(1024);
      writer.write(new DefaultHttpContent(out));
    }
  }

  /** Sends the status line and headers if they have not gone out yet. */
  public void commit() throws IOException {
    if (!committed) {
      committed = true;
      writer.write(head.get());
    }
  }

  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    flush();
    buffer.release();
    writer.writeAndWait(LastHttpContent.EMPTY_LAST_CONTENT);
  }

  /** Drops anything buffered without sending it (the handler failed before committing). */
  void discard() {
    if (!finished) {
      finished = true;
      buffer.release();
    }
  }
}
