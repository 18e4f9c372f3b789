package dev.berth.daemon.container;

import dev.berth.runtime.monitor.ContainerExit;
import dev.berth.runtime.monitor.ContainerLayout;
import dev.berth.runtime.monitor.ExitTarget;
import dev.berth.runtime.monitor.RecoveredContainer;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemon start with live-restore: for each container persisted as running, asks its monitor what happened.
 * Live ones are watched again (attach and logs work as before); ones that exited while the daemon was down get
 * their true exit code; ones whose monitor vanished are killed and marked with exit code 255.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  private final ContainerContext ctx;
  private final ExitHandler exits;
  private final Executor executor;

  Recovery(ContainerContext ctx, ExitHandler exits, Executor executor) {
    this.ctx = ctx;
    this.exits = exits;
    this.executor = executor;
  }

  void restore() {
    for (Container c : ctx.store().containers()) {
      ContainerRecord r = c.record();
      ContainerStatus s = r.state().status();
      if (s == ContainerStatus.REMOVING) {
        c.setRecord(r.withState(r.state().withStatus(ContainerStatus.DEAD)));
        continue;
      }
      if (!s.isRunning()) {
        continue;
      }
      ContainerLayout layout = ctx.runtime().monitorConfig().layout(r.id(), ctx.runtime().bundle(r.id()));
      RecoveredContainer rec;
      try {
        rec = ctx.runtime().monitor().recover(layout);
      } catch (RuntimeException e) {
        log.warn("cannot recover container {}: {}", r.id(), e.toString());
        rec = new RecoveredContainer.Lost(r.id());
      }
      ctx.volumes().adopt(r);
      c.lock.lock();
      try {
        c.layout = layout;
        c.exited = new CompletableFuture<>();
      } finally {
        c.lock.unlock();
      }
      switch (rec) {
        case RecoveredContainer.Running run -> {
          CompletableFuture<ContainerExit> exit = ctx.runtime().exits().watch(ExitTarget.of(layout,
              memoryCgroup(r.id())));
          exit.whenCompleteAsync((e, t) -> exits.onExit(c, e, t), executor);
          log.info("reattached to running container {} (pid {})", r.shortId(), run.pid());
        }
        case RecoveredContainer.Exited ex -> {
          log.info("container {} exited with {} while the daemon was down", r.shortId(), ex.exit().exitCode());
          exits.onExit(c, ex.exit(), null);
        }
        case RecoveredContainer.Lost lost -> {
          log.warn("container {} lost its monitor; killing it", r.shortId());
          try {
            ctx.runtime().runtime(r.runtime()).kill(r.id(), 9);
          } catch (RuntimeException e) {
            // already gone
          }
          exits.onExit(c, new ContainerExit(r.id(), ContainerExit.UNKNOWN_EXIT_CODE, false, Instant.now(), true),
              null);
        }
      }
    }
  }

  private static java.nio.file.Path memoryCgroup(String id) {
    java.nio.file.Path v1 = java.nio.file.Path.of("/sys/fs/cgroup/memory");
    return java.nio.file.Files.isDirectory(v1) ? v1.resolve("berth").resolve(id) : null;
  }
}
