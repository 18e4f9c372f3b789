package dev.berth.daemon.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes messages to a channel from a (virtual) handler thread, blocking while the channel is not writable so a
 * slow client bounds the daemon's memory. Writability changes are signalled by the connection handler.
 */
final class ChannelWriter {
  private final Channel channel;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition writable = lock.newCondition();

  ChannelWriter(Channel channel) {
    this.channel = channel;
  }

  Channel channel() {
    return channel;
  }

  /** Writes and flushes {@code msg}; waits for room first. Throws when the client is gone. */
  ChannelFuture write(Object msg) throws IOException {
    awaitWritable();
    if (!channel.isActive()) {
      io.netty.util.ReferenceCountUtil.release(msg);
      throw new IOException("client disconnected");
    }
    return channel.writeAndFlush(msg);
  }

  /** Writes, then waits until the bytes left the process (used for the last message). */
  void writeAndWait(Object msg) throws IOException {
    ChannelFuture f = write(msg);
    try {
      f.sync();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    } catch (Exception e) {
      throw new IOException("client disconnected", e);
    }
  }

  private void awaitWritable() throws IOException {
    if (channel.isWritable()) {
      return;
    }
    lock.lock();
    try {
      while (!channel.isWritable() && channel.isActive()) {
        try {
          writable.await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the client");
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Event loop: the channel's writability or liveness changed. */
  void signal() {
    lock.lock();
    try {
      writable.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
