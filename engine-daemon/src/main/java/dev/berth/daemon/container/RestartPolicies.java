package dev.berth.daemon.container;

import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.RestartPolicy;
import dev.berth.runtime.oci.Signals;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restart policies (moby {@code restartmanager}): after an exit, decides whether the container comes back; if so
 * it shows {@code restarting} with {@code RestartCount} + 1 for the backoff (100 ms, doubling, at most one minute,
 * back to 100 ms after a run of 10 s or more) and is then started again. A user's stop cancels the wait.
 */
final class RestartPolicies {
  private static final Logger log = LoggerFactory.getLogger(RestartPolicies.class);
  static final long DEFAULT_DELAY_MS = 100;
  static final long MAX_DELAY_MS = 60_000;

  private final ContainerContext ctx;
  private final Consumer<Container> starter;
  /** The current backoff per container ID (0: none yet). */
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private volatile boolean closing;
  /** Containers whose current run must not be restarted (moby {@code ExitOnNext}: stop, kill). */
  private final Map<String, String> canceled = new ConcurrentHashMap<>(); // id → StartedAt of the run
  /** Restarts wait for this while the daemon boots (the network must be up first). */
  private volatile java.util.concurrent.CompletableFuture<Void> booted =
      java.util.concurrent.CompletableFuture.completedFuture(null);

  RestartPolicies(ContainerContext ctx, Consumer<Container> starter) {
    this.ctx = ctx;
    this.starter = starter;
  }

  /**
   * moby's {@code ShouldRestart} without side effects: {@code manuallyStopped} only matters for
   * {@code unless-stopped} (a user's stop or kill of the current run is handled by {@link #cancelRun}).
   */
  static boolean shouldRestart(RestartPolicy p, int exitCode, boolean manuallyStopped, int restartCount) {
    if (p == null || p.isNone()) {
      return false;
    }
    return switch (p.name()) {
      case RestartPolicy.ALWAYS -> true;
      case RestartPolicy.UNLESS_STOPPED -> !manuallyStopped;
      case RestartPolicy.ON_FAILURE -> exitCode != 0
          && (p.maximumRetryCount() <= 0 || restartCount < p.maximumRetryCount());
      default -> false;
    };
  }

  /** The next backoff in ms given the previous one (0: none) and how long the container ran. */
  static long nextDelay(long previous, Duration ran) {
    long d = ran.toSeconds() >= 10 || previous <= 0 ? DEFAULT_DELAY_MS : previous * 2;
    return Math.min(d, MAX_DELAY_MS);
  }

  /** The daemon shuts down: exits from now on are not restarted. */
  void shutdown() {
    closing = true;
  }

  /** A user's start or restart (moby {@code ResetRestartManager(true)}): RestartCount back to 0. */
  void resetCount(Container c) {
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      delays.remove(c.id);
      if (!r.state().status().isRunning() && r.restartCount() != 0) {
        ctx.store().save(c, r.withFlags(0, r.manuallyStopped(), r.hasBeenStarted()));
      }
    } finally {
      c.lock.unlock();
    }
  }

  /** A stop by the daemon's shutdown is not a user's stop: clears {@code manuallyStopped} again. */
  void daemonStopped(Container c) {
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      if (!r.state().status().isRunning()) {
        ctx.store().save(c, r.withFlags(r.restartCount(), false, r.hasBeenStarted()));
      }
    } finally {
      c.lock.unlock();
    }
  }

  /** After an exit was recorded (ExitHandler callback). */
  void onExit(Container c) {
    if (closing) {
      return;
    }
    ContainerRecord next;
    long delay;
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      String canceledRun = canceled.remove(c.id);
      if (canceledRun != null && canceledRun.equals(r.state().startedAt())) {
        delays.remove(c.id);
        return;
      }
      if (r.state().status() != ContainerStatus.EXITED || !shouldRestart(r.hostConfig().restartPolicy(),
          r.state().exitCode(), r.manuallyStopped(), r.restartCount())) {
        delays.remove(c.id);
        return;
      }
      Duration ran = Duration.ZERO;
      if (!GoTime.isZero(r.state().startedAt()) && !GoTime.isZero(r.state().finishedAt())) {
        ran = Duration.between(GoTime.parse(r.state().startedAt()), GoTime.parse(r.state().finishedAt()));
      }
      delay = nextDelay(delays.getOrDefault(c.id, 0L), ran);
      delays.put(c.id, delay);
      next = r.withState(r.state().withStatus(ContainerStatus.RESTARTING))
          .withFlags(r.restartCount() + 1, false, r.hasBeenStarted());
      ctx.store().save(c, next);
    } finally {
      c.lock.unlock();
    }
    Thread.ofVirtual().name("restart-" + next.shortId()).start(() -> restartLater(c, delay));
  }

  /** The daemon boots: restarts wait until {@link #afterRestore()}. */
  void booting() {
    booted = new java.util.concurrent.CompletableFuture<>();
  }

  private void restartLater(Container c, long delayMs) {
    try {
      Thread.sleep(delayMs);
      booted.get();
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      return;
    }
    c.lock.lock();
    try {
      if (c.record().state().status() != ContainerStatus.RESTARTING || !isCurrent(c)) {
        return;
      }
      ContainerRecord r = c.record();
      // the start checks the state: present the container as exited, as it is
      c.setRecord(r.withState(r.state().withStatus(ContainerStatus.EXITED)));
      try {
        starter.accept(c);
      } catch (RuntimeException e) {
        log.warn("restart of {} failed: {}", r.shortId(), e.toString());
        ContainerRecord failed = c.record();
        if (failed.state().status() == ContainerStatus.EXITED) {
          ctx.store().save(c, failed);
        }
        return;
      }
      ctx.event(c.record(), "restart");
    } finally {
      c.lock.unlock();
    }
  }

  /** A user's stop (or a kill with the stop signal or SIGKILL) of the current run: no policy restart after it. */
  void cancelRun(Container c) {
    canceled.put(c.id, c.record().state().startedAt());
  }

  /**
   * {@code docker kill} (moby {@code killWithSignal}): marks the container manually stopped; with SIGKILL or its
   * stop signal the run is not restarted. A restarting container is not signalled: true means handled.
   */
  boolean killed(Container c, String signal) {
    int sig = signal == null || signal.isEmpty() ? Signals.SIGKILL : Signals.parse(signal);
    String stop = c.record().config().stopSignal();
    boolean exitOnNext = sig == Signals.SIGKILL || stop == null || stop.isEmpty() || sig == Signals.parse(stop);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      if (!r.state().status().isRunning()) {
        return false;
      }
      if (exitOnNext) {
        canceled.put(c.id, r.state().startedAt());
      }
      ctx.store().save(c, r.withFlags(r.restartCount(), true, r.hasBeenStarted()));
      if (r.state().status() == ContainerStatus.RESTARTING) {
        if (exitOnNext) {
          canceled.remove(c.id);
          cancel(c);
        }
        return true;
      }
      return false;
    } finally {
      c.lock.unlock();
    }
  }

  /**
   * {@code docker stop} of a restarting container: cancels the pending restart and leaves the container exited.
   * Returns false when the container was not waiting to restart.
   */
  boolean cancel(Container c) {
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      if (r.state().status() != ContainerStatus.RESTARTING) {
        return false;
      }
      delays.remove(c.id);
      ContainerRecord stopped = r.withState(r.state().withStatus(ContainerStatus.EXITED))
          .withFlags(r.restartCount(), true, r.hasBeenStarted());
      ctx.store().save(c, stopped);
      ctx.event(stopped, "stop");
      return true;
    } finally {
      c.lock.unlock();
    }
  }

  /** At daemon start: containers whose policy wants them running again are started (in the background). */
  void afterRestore() {
    booted.complete(null);
    for (Container c : ctx.store().containers()) {
      ContainerRecord r = c.record();
      ContainerStatus s = r.state().status();
      if (s == ContainerStatus.EXITED && r.hasBeenStarted()
          && shouldRestart(r.hostConfig().restartPolicy(), r.state().exitCode(), r.manuallyStopped(), 0)) {
        Thread.ofVirtual().name("restore-start-" + r.shortId()).start(() -> {
          c.lock.lock();
          try {
            if (isCurrent(c) && c.record().state().status() == ContainerStatus.EXITED) {
              starter.accept(c);
            }
          } catch (RuntimeException e) {
            log.warn("cannot restart {} at daemon start: {}", r.shortId(), e.toString());
          } finally {
            c.lock.unlock();
          }
        });
      }
    }
  }

  private boolean isCurrent(Container c) {
    try {
      return ctx.store().get(c.id) == c;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
