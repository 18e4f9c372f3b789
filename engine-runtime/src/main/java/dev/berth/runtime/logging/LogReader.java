package dev.berth.runtime.logging;

import java.util.concurrent.CompletionStage;

/** Reads a container's logs for {@code docker logs}. */
public interface LogReader {
  /**
   * Delivers matching entries to {@code sink}, in order, then returns. Blocks: run it on a virtual thread. With
   * {@code follow} it keeps waiting for new output until {@code exited} completes (then drains what is left),
   * {@code until} passes, the sink returns false, or the thread is interrupted.
   *
   * @param exited completes when the container has exited; only used with {@code follow}
   * @throws dev.berth.api.errors.NotImplementedException for drivers that cannot be read
   */
  void read(LogReadOptions options, CompletionStage<?> exited, LogSink sink);

  /** Receives entries; returns false to stop reading (e.g. the client went away). */
  @FunctionalInterface
  interface LogSink {
    boolean accept(LogEntry entry);
  }
}
