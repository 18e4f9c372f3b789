package dev.berth.runtime.monitor;

import dev.berth.runtime.logging.StdStream;

/**
 * Receives a process's output from an attach connection. Called on a Netty event loop: never block here (hand the
 * bytes to a channel's {@code writeAndFlush}, or a queue); use {@link AttachConnection#setOutputPaused} for
 * backpressure.
 */
public interface StreamSink {
  /** A chunk of output, in order per connection. With a TTY everything arrives as {@link StdStream#STDOUT}. */
  void output(StdStream stream, byte[] data);

  /** No more output: the process exited (conmon closed the socket), or the connection was closed. */
  default void closed() {}
}
