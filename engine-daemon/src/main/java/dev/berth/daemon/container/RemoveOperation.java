package dev.berth.daemon.container;

import dev.berth.api.errors.ConflictException;
import dev.berth.runtime.oci.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code docker rm}: refuse running containers unless forced, then delete rootfs, bundle, state and name. */
final class RemoveOperation {
  private static final Logger log = LoggerFactory.getLogger(RemoveOperation.class);

  private final ContainerContext ctx;
  private final StopOperation stops;

  RemoveOperation(ContainerContext ctx, StopOperation stops) {
    this.ctx = ctx;
    this.stops = stops;
  }

  void remove(Container c, boolean force, boolean removeVolumes) {
    if (!c.removalInProgress.compareAndSet(false, true)) {
      throw new ConflictException("removal of container " + c.id + " is already in progress");
    }
    try {
      removeClaimed(c, force, removeVolumes);
    } finally {
      c.removalInProgress.set(false);
    }
  }

  private void removeClaimed(Container c, boolean force, boolean removeVolumes) {
    ContainerRecord r = c.record();
    if (r.state().status() == ContainerStatus.REMOVING) {
      throw new ConflictException("removal of container " + r.id() + " is already in progress");
    }
    if (r.state().status().isRunning()) {
      if (!force) {
        String what = r.state().status() == ContainerStatus.PAUSED ? "container is paused and must be unpaused first"
            : "container is running: stop the container before removing or force remove";
        throw new ConflictException("cannot remove container \"" + r.name() + "\": " + what);
      }
      if (r.state().status() == ContainerStatus.PAUSED) {
        ctx.runtime().runtime(r.runtime()).resume(r.id());
      }
      stops.signal(c, Signals.SIGKILL);
      stops.awaitExit(c, 30);
    }
    c.lock.lock();
    try {
      r = c.record();
      if (r.state().status() == ContainerStatus.REMOVING) {
        throw new ConflictException("removal of container " + r.id() + " is already in progress");
      }
      c.setRecord(r.withState(r.state().withStatus(ContainerStatus.REMOVING)));
      try {
        ctx.runtime().mounter().unmount(ctx.runtime().rootfs(r.id()));
      } catch (RuntimeException e) {
        log.warn("unmount {}: {}", r.id(), e.toString());
      }
      ctx.images().removeRootfs(r.id());
      SafeDelete.tree(ctx.runtime().bundle(r.id()));
      ctx.store().deleteDir(r.id());
      ctx.store().remove(c);
      ctx.volumes().removed(r.id(), removeVolumes);
      ctx.event(r, "destroy");
      c.waiters.removed(r.state().exitCode());
    } finally {
      c.lock.unlock();
    }
  }
}
