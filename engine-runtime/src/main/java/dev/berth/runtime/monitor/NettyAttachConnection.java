package dev.berth.runtime.monitor;

import io.netty.buffer.Unpooled;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Writes stdin one packet at a time: conmon receives at most 32767 bytes per packet, and Netty would otherwise
 * gather queued buffers into one larger writev (one SEQPACKET datagram), so the next chunk is written only when
 * the previous one completed. The queue lives on the channel's event loop.
 */
final class NettyAttachConnection implements AttachConnection {
  static final int MAX_PACKET = 16 * 1024;
  private static final Object SHUTDOWN = new Object();

  private final EpollDomainSocketChannel channel;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final ArrayDeque<Object> queue = new ArrayDeque<>(); // event loop only
  private boolean writing; // event loop only

  NettyAttachConnection(EpollDomainSocketChannel channel) {
    this.channel = channel;
    channel.closeFuture().addListener(f -> closed.complete(null));
  }

  @Override
  public void writeStdin(byte[] data) {
    byte[] copy = data.clone();
    channel.eventLoop().execute(() -> {
      for (int off = 0; off < copy.length; off += MAX_PACKET) {
        queue.add(Arrays.copyOfRange(copy, off, Math.min(copy.length, off + MAX_PACKET)));
      }
      pump();
    });
  }

  @Override
  public void closeStdin() {
    channel.eventLoop().execute(() -> {
      queue.add(SHUTDOWN);
      pump();
    });
  }

  private void pump() {
    if (writing || queue.isEmpty() || !channel.isActive()) {
      return;
    }
    Object next = queue.poll();
    if (next == SHUTDOWN) {
      queue.clear();
      channel.shutdownOutput();
      return;
    }
    writing = true;
    channel.writeAndFlush(Unpooled.wrappedBuffer((byte[]) next)).addListener(f -> {
      writing = false;
      if (f.isSuccess()) {
        pump();
      } else {
        queue.clear();
      }
    });
  }

  @Override
  public void setOutputPaused(boolean paused) {
    channel.config().setAutoRead(!paused);
  }

  @Override
  public CompletableFuture<Void> closed() {
    return closed;
  }

  @Override
  public void close() {
    channel.close();
  }
}
