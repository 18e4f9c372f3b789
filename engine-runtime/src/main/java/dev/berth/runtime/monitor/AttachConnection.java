package dev.berth.runtime.monitor;

import java.util.concurrent.CompletableFuture;

/**
 * One client's attachment to a container or exec through conmon's attach socket. Several may be open at once;
 * each receives all output produced while it is connected (no replay: use the log for history).
 * All methods are thread-safe and non-blocking.
 */
public interface AttachConnection extends AutoCloseable {
  /** Queues bytes for the process's stdin (dropped by conmon when the container has no open stdin). */
  void writeStdin(byte[] data);

  /**
   * Half-closes: after the queued stdin bytes, conmon sees EOF and closes the container's stdin (unless it was
   * started with {@code --leave-stdin-open}, i.e. not StdinOnce or TTY); output keeps flowing until exit.
   */
  void closeStdin();

  /** Stops or resumes reading output (backpressure: conmon then blocks the container's writes). */
  void setOutputPaused(boolean paused);

  /** Completes when no more output will come (the process exited, or {@link #close()}). */
  CompletableFuture<Void> closed();

  /** Detaches. Counts as EOF for conmon, so StdinOnce containers lose their stdin, as with dockerd. */
  @Override
  void close();
}
