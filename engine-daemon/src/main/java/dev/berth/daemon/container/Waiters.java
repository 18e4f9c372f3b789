package dev.berth.daemon.container;

import dev.berth.api.model.container.ContainerWaitResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Futures of {@code docker wait} callers, completed on exit or removal. Guarded by the container lock. */
final class Waiters {
  private final List<CompletableFuture<ContainerWaitResponse>> nextExit = new ArrayList<>();
  private final List<CompletableFuture<ContainerWaitResponse>> removed = new ArrayList<>();

  CompletableFuture<ContainerWaitResponse> onNextExit() {
    CompletableFuture<ContainerWaitResponse> f = new CompletableFuture<>();
    nextExit.add(f);
    return f;
  }

  CompletableFuture<ContainerWaitResponse> onRemoved() {
    CompletableFuture<ContainerWaitResponse> f = new CompletableFuture<>();
    removed.add(f);
    return f;
  }

  void exited(int code) {
    nextExit.forEach(f -> f.complete(ContainerWaitResponse.exited(code)));
    nextExit.clear();
  }

  void removed(int code) {
    exited(code);
    removed.forEach(f -> f.complete(ContainerWaitResponse.exited(code)));
    removed.clear();
  }
}
