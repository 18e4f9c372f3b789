package dev.berth.runtime.monitor;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** An exit watcher driven by the test: {@link #exit} completes a watched container's future. */
public final class FakeExitWatcher implements ExitWatcher {
  private final Map<String, CompletableFuture<ContainerExit>> watched = new ConcurrentHashMap<>();
  private final Map<String, ContainerExit> early = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<ContainerExit> watch(ExitTarget target) {
    CompletableFuture<ContainerExit> f = new CompletableFuture<>();
    ContainerExit already = early.remove(target.id());
    if (already != null) {
      f.complete(already);
    } else {
      watched.put(target.id(), f);
    }
    return f;
  }

  /** Reports an exit; if {@code id} is not watched yet, the next watch completes at once (exit before watch). */
  public void exit(String id, int code, boolean oomKilled) {
    ContainerExit e = new ContainerExit(id, code, oomKilled, Instant.now(), false);
    CompletableFuture<ContainerExit> f = watched.remove(id);
    if (f != null) {
      f.complete(e);
    } else {
      early.put(id, e);
    }
  }

  public boolean isWatching(String id) {
    return watched.containsKey(id);
  }

  @Override
  public void unwatch(String id) {
    CompletableFuture<ContainerExit> f = watched.remove(id);
    if (f != null) {
      f.cancel(false);
    }
  }

  @Override
  public void close() {
    watched.values().forEach(f -> f.cancel(false));
    watched.clear();
  }
}
