package dev.berth.daemon.http;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A connection taken over after {@code 101 UPGRADED}: {@link #input()} yields what the client sends (EOF on its
 * half-close), {@link #output()} writes raw bytes. Closing the stream closes the connection.
 */
public final class HijackedStream implements AutoCloseable {
  private final ChannelWriter writer;
  private final InboundStream input;
  private final CompletableFuture<Void> clientGone = new CompletableFuture<>();
  private final OutputStream output = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > 0) {
        writer.write(Unpooled.copiedBuffer(b, off, len));
      }
    }
  };

  HijackedStream(ChannelWriter writer, InboundStream input) {
    this.writer = writer;
    this.input = input;
    writer.channel().closeFuture().addListener(f -> clientGone.complete(null));
  }

  public InputStream input() {
    return input;
  }

  public OutputStream output() {
    return output;
  }

  /** Completes when the connection is fully closed. */
  public CompletableFuture<Void> clientGone() {
    return clientGone;
  }

  /** Waits until everything written so far left the process, then closes the connection. */
  @Override
  public void close() {
    try {
      writer.writeAndWait(Unpooled.EMPTY_BUFFER);
    } catch (IOException ignored) {
      // the client is gone already
    }
    writer.channel().close();
  }
}
