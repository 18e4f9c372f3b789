package dev.berth.daemon.container;

import dev.berth.api.model.GoTime;
import dev.berth.runtime.monitor.ContainerExit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a container's exit: releases its runtime resources (runtime state, monitor files, network, rootfs
 * mount), persists {@code exited} with the exit code, emits {@code oom}/{@code die}, wakes waiters, and removes
 * {@code --rm} containers.
 */
final class ExitHandler {
  private static final Logger log = LoggerFactory.getLogger(ExitHandler.class);

  private final ContainerContext ctx;
  private volatile Consumer<Container> autoRemove = c -> { };
  private volatile Consumer<Container> afterExit = c -> { };

  ExitHandler(ContainerContext ctx) {
    this.ctx = ctx;
  }

  void setAutoRemove(Consumer<Container> autoRemove) {
    this.autoRemove = autoRemove;
  }

  /** Called after an exit was recorded for a container that is not being removed (restart policies). */
  void setAfterExit(Consumer<Container> afterExit) {
    this.afterExit = afterExit;
  }

  void onExit(Container c, ContainerExit exit, Throwable failure) {
    if (failure != null) {
      if (!(failure instanceof java.util.concurrent.CancellationException)) {
        log.warn("lost track of container {}: {}", c.id, failure.toString());
      }
      return;
    }
    boolean remove;
    c.lock.lock();
    try {
      ContainerStatus s = c.record().state().status();
      if (!s.isRunning() && s != ContainerStatus.REMOVING) {
        return;
      }
      ContainerRecord r = ctx.network().remember(c.record());
      releaseRuntime(c, r);
      Instant finished = exit.finishedAt() == null ? Instant.now() : exit.finishedAt();
      ContainerRecord exited = r.withState(new ContainerRecord.State(
          s == ContainerStatus.REMOVING ? ContainerStatus.REMOVING : ContainerStatus.EXITED, 0, exit.exitCode(),
          exit.monitorLost() ? "container monitor lost" : "", r.state().startedAt(), GoTime.rfc3339Nano(finished),
          exit.oomKilled()));
      if (s != ContainerStatus.REMOVING) {
        ctx.store().save(c, exited);
      } else {
        c.setRecord(exited);
      }
      if (exit.oomKilled()) {
        ctx.event(exited, "oom");
      }
      long secs = 0;
      if (!GoTime.isZero(r.state().startedAt())) {
        secs = Duration.between(GoTime.parse(r.state().startedAt()), finished).toSeconds();
      }
      ctx.event(exited, "die", Map.of("exitCode", Integer.toString(exit.exitCode()),
          "execDuration", Long.toString(Math.max(0, secs))));
      c.waiters.exited(exit.exitCode());
      c.exited.complete(exit.exitCode());
      remove = r.hostConfig().autoRemove() && s != ContainerStatus.REMOVING;
    } finally {
      c.lock.unlock();
    }
    if (remove) {
      autoRemove.accept(c);
    } else {
      afterExit.accept(c);
    }
  }

  /** Deletes the runtime's state, the monitor's files, the network and the rootfs mount. Lock held. */
  void releaseRuntime(Container c, ContainerRecord r) {
    RuntimeServices rt = ctx.runtime();
    c.execs.clear(); // never-started execs die with the run, as dockerd unregisters them at cleanup
    try {
      rt.runtime(r.runtime()).delete(r.id(), true);
    } catch (RuntimeException e) {
      log.warn("runtime delete of {}: {}", r.id(), e.toString());
    }
    if (c.layout != null) {
      try {
        rt.monitor().cleanup(c.layout);
      } catch (RuntimeException e) {
        log.warn("monitor cleanup of {}: {}", r.id(), e.toString());
      }
      c.layout = null;
    }
    if (!ContainerNetworking.mode(r.hostConfig()).startsWith("container:")) {
      try {
        ctx.network().detach(r.id());
      } catch (RuntimeException e) {
        log.warn("network teardown of {}: {}", r.id(), e.toString());
      }
    }
    try {
      rt.mounter().unmount(rt.rootfs(r.id()));
    } catch (RuntimeException e) {
      log.warn("unmount of {}: {}", r.id(), e.toString());
    }
    ctx.volumes().release(r);
  }
}
