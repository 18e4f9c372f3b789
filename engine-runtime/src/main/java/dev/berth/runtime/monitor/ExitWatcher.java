package dev.berth.runtime.monitor;

import java.util.concurrent.CompletableFuture;

/**
 * Reports process exits written by conmon, including exits that happened while the daemon was down (the exit
 * file is checked as soon as a target is watched). Implemented by {@link ExitFileWatcher}; tests use
 * {@code FakeExitWatcher}.
 */
public interface ExitWatcher extends AutoCloseable {
  /**
   * Starts watching; the future completes once, when the exit file appears (or already exists), or with
   * {@link ContainerExit#monitorLost()} when conmon is gone without one. It completes on the watcher's thread:
   * chain with {@code *Async} and do the daemon's work elsewhere. Watch right after {@code Monitor.create}
   * (which clears old exit files), before {@code start}.
   */
  CompletableFuture<ContainerExit> watch(ExitTarget target);

  /** Stops watching {@code id}; its future is cancelled. */
  void unwatch(String id);

  @Override
  void close();
}
