package dev.berth.daemon.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes arriving on a channel (a request body, or a hijacked client's stdin) as a blocking {@link InputStream}
 * for the handler's virtual thread. The event loop only copies and enqueues; when more than {@link #HIGH} bytes
 * wait, reading from the socket pauses until the consumer catches up (netty's proxy-style backpressure).
 */
public final class InboundStream extends InputStream {
  static final int HIGH = 1 << 20;
  static final int LOW = 256 << 10;

  private final Channel channel;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private byte[] head;
  private int headPos;
  private long queued;
  private boolean ended;
  private boolean paused;
  private boolean closed;
  private IOException failure;

  InboundStream(Channel channel) {
    this.channel = channel;
  }

  /** Event loop: appends a copy of {@code buf}'s readable bytes. Does not release {@code buf}. */
  void offer(ByteBuf buf) {
    int n = buf.readableBytes();
    if (n == 0) {
      return;
    }
    byte[] copy = new byte[n];
    buf.readBytes(copy);
    lock.lock();
    try {
      if (closed) {
        return;
      }
      chunks.add(copy);
      queued += n;
      if (queued > HIGH && !paused) {
        paused = true;
        channel.config().setAutoRead(false);
      }
      available.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Event loop: no more bytes will come (last content, half-close, or connection gone). */
  void end() {
    lock.lock();
    try {
      ended = true;
      available.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Event loop: the bytes stop for a bad reason (malformed chunking, client gone mid-body); reads then throw. */
  void fail(IOException cause) {
    lock.lock();
    try {
      if (!ended) {
        failure = cause;
        ended = true;
      }
      available.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean isEnded() {
    lock.lock();
    try {
      return ended;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    lock.lock();
    try {
      while (head == null) {
        head = chunks.poll();
        headPos = 0;
        if (head != null) {
          break;
        }
        if (failure != null) {
          throw new IOException(failure.getMessage(), failure);
        }
        if (ended || closed) {
          return -1;
        }
        available.awaitUninterruptibly();
      }
      int n = Math.min(len, head.length - headPos);
      System.arraycopy(head, headPos, b, off, n);
      headPos += n;
      queued -= n;
      if (headPos == head.length) {
        head = null;
      }
      if (paused && queued < LOW) {
        paused = false;
        channel.eventLoop().execute(() -> {
          channel.config().setAutoRead(true);
          channel.read();
        });
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int available() {
    lock.lock();
    try {
      return (int) Math.min(Integer.MAX_VALUE, queued);
    } finally {
      lock.unlock();
    }
  }

  /** Drops queued bytes and unblocks readers; later offers are discarded. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      chunks.clear();
      head = null;
      queued = 0;
      available.signalAll();
      if (paused) {
        paused = false;
        channel.eventLoop().execute(() -> {
          channel.config().setAutoRead(true);
          channel.read();
        });
      }
    } finally {
      lock.unlock();
    }
  }
}
