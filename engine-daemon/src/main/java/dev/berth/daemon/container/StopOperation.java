package dev.berth.daemon.container;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.NotModifiedException;
import dev.berth.api.errors.SystemException;
import dev.berth.runtime.oci.Signals;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code stop}, {@code kill}, {@code pause}/{@code unpause}: signals and waiting for the exit, as dockerd. */
final class StopOperation {
  private static final int DEFAULT_STOP_TIMEOUT = 10;
  private static final int KILL_WAIT_SECONDS = 30;

  private final ContainerContext ctx;

  StopOperation(ContainerContext ctx) {
    this.ctx = ctx;
  }

  void stop(Container c, Integer timeoutSeconds, String signal) {
    ContainerRecord r = c.record();
    if (!r.state().status().isRunning()) {
      throw new NotModifiedException("container already stopped");
    }
    int sig = signal != null && !signal.isEmpty() ? Signals.parse(signal) : stopSignal(r);
    int timeout = timeoutSeconds != null ? timeoutSeconds
        : r.config().stopTimeout() != null ? r.config().stopTimeout() : DEFAULT_STOP_TIMEOUT;
    c.lock.lock();
    try {
      ContainerRecord cur = c.record();
      ctx.store().save(c, cur.withFlags(cur.restartCount(), true, cur.hasBeenStarted()));
      if (cur.state().status() == ContainerStatus.PAUSED) {
        ctx.runtime().runtime(cur.runtime()).resume(cur.id());
      }
    } finally {
      c.lock.unlock();
    }
    if (timeout != 0) {
      signal(c, sig);
      if (awaitExit(c, timeout < 0 ? Long.MAX_VALUE : timeout)) {
        ctx.event(c.record(), "stop");
        return;
      }
    }
    signal(c, Signals.SIGKILL);
    if (!awaitExit(c, KILL_WAIT_SECONDS)) {
      throw new SystemException("tried to kill container, but did not receive an exit event");
    }
    ctx.event(c.record(), "stop");
  }

  void kill(Container c, String ref, String signal) {
    int sig = signal == null || signal.isEmpty() ? Signals.SIGKILL : Signals.parse(signal);
    ContainerRecord r = c.record();
    if (!r.state().status().isRunning()) {
      throw new ConflictException("cannot kill container: " + ref + ": container " + r.id() + " is not running");
    }
    signal(c, sig);
    if (sig == Signals.SIGKILL && !awaitExit(c, 10)) {
      throw new SystemException("tried to kill container, but did not receive an exit event");
    }
  }

  /** Sends {@code sig} to the container's init; a container that just exited is not an error. */
  void signal(Container c, int sig) {
    ContainerRecord r = c.record();
    if (!r.state().status().isRunning()) {
      return;
    }
    try {
      ctx.runtime().runtime(r.runtime()).kill(r.id(), sig);
    } catch (ConflictException | dev.berth.api.errors.NotFoundException e) {
      // exited between the check and the signal
    }
    ctx.event(r, "kill", Map.of("signal", Integer.toString(sig)));
  }

  boolean awaitExit(Container c, long seconds) {
    try {
      c.exited.get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return !c.record().state().status().isRunning();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  void pause(Container c) {
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      r.state().status().checkCanPause(r.id());
      ctx.runtime().runtime(r.runtime()).pause(r.id());
      ContainerRecord p = r.withState(r.state().withStatus(ContainerStatus.PAUSED));
      ctx.store().save(c, p);
      ctx.event(p, "pause");
    } finally {
      c.lock.unlock();
    }
  }

  void unpause(Container c) {
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      r.state().status().checkCanUnpause(r.id());
      ctx.runtime().runtime(r.runtime()).resume(r.id());
      ContainerRecord p = r.withState(r.state().withStatus(ContainerStatus.RUNNING));
      ctx.store().save(c, p);
      ctx.event(p, "unpause");
    } finally {
      c.lock.unlock();
    }
  }

  private static int stopSignal(ContainerRecord r) {
    String s = r.config().stopSignal();
    return s == null || s.isEmpty() ? Signals.SIGTERM : Signals.parse(s);
  }
}
