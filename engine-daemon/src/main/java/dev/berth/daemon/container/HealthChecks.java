package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.Health;
import dev.berth.api.model.container.HealthConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health checks (moby {@code daemon/health.go}): one virtual thread per running container with a
 * {@code Config.Healthcheck} runs the probe (through {@link HealthProbe}) every interval, keeps
 * {@code State.Health} (status, failing streak, the last 5 results) in memory and emits
 * {@code health_status: …} events when the status changes.
 */
final class HealthChecks {
  private static final Logger log = LoggerFactory.getLogger(HealthChecks.class);
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
  static final int DEFAULT_RETRIES = 3;
  static final int MAX_LOG_ENTRIES = 5;
  static final int MAX_OUTPUT = 4096;
  private static final Set<String> FILTER_VALUES = Set.of(Health.STARTING, Health.HEALTHY, Health.UNHEALTHY,
      Health.NONE);

  private final ContainerContext ctx;
  private final HealthProbe probe;
  /** Health per container ID; kept after the container stops, as dockerd shows the last state. */
  private final Map<String, HealthState> states = new ConcurrentHashMap<>();

  HealthChecks(ContainerContext ctx, HealthProbe probe) {
    this.ctx = ctx;
    this.probe = probe;
  }

  /** A probe run: the command inside the container with a timeout. */
  interface HealthProbe {
    Health.HealthcheckResult run(String containerId, List<String> cmd, Duration timeout);
  }

  /** The test as a command, or null when health checks are off ({@code NONE}, unset). */
  static List<String> command(HealthConfig hc) {
    if (hc == null || hc.test() == null || hc.test().isEmpty()) {
      return null;
    }
    List<String> t = hc.test();
    return switch (t.get(0)) {
      case "CMD" -> t.size() > 1 ? List.copyOf(t.subList(1, t.size())) : null;
      case "CMD-SHELL" -> t.size() > 1 ? List.of("/bin/sh", "-c", String.join(" ", t.subList(1, t.size()))) : null;
      default -> null;
    };
  }

  /** The container's {@code State.Health}, null without a health check. */
  Health health(ContainerRecord r) {
    if (command(r.config().healthcheck()) == null) {
      return null;
    }
    HealthState s = states.get(r.id());
    if (s == null) { // not started since the daemon started: a running one is about to begin its checks
      return r.state().status().isRunning() ? new Health(Health.STARTING, 0, List.of()) : null;
    }
    return s.view();
  }

  /** Starts the checks for a container that just started (its record is RUNNING). */
  void started(String id) {
    Container c;
    try {
      c = ctx.store().get(id);
    } catch (RuntimeException e) {
      return;
    }
    ContainerRecord r = c.record();
    HealthConfig hc = r.config().healthcheck();
    List<String> cmd = command(hc);
    if (cmd == null || !r.state().status().isRunning()) {
      return;
    }
    boolean known = states.containsKey(id);
    HealthState s = states.computeIfAbsent(id, k -> new HealthState());
    String run = r.state().startedAt();
    s.reset(run);
    if (!known) { // first sight since the daemon started: a live-restored container keeps its health
      HealthFile.read(ctx.store().dir(id), run).ifPresent(s::restore);
    }
    Thread.ofVirtual().name("health-" + r.shortId()).start(() -> loop(c, s, run, hc, cmd));
  }

  /** Starts checks on each container {@code start} event, forgets containers on {@code destroy}. */
  void follow(dev.berth.daemon.events.EventBus events) {
    events.subscribe(null, null, dev.berth.api.filters.Filters.empty(), ev -> {
      if ("container".equals(ev.type()) && ev.actor() != null) {
        switch (ev.action()) {
          case "start" -> Thread.ofVirtual().start(() -> started(ev.actor().id()));
          case "destroy" -> removed(ev.actor().id());
          default -> { }
        }
      }
    });
  }

  /** Forgets a removed container. */
  void removed(String id) {
    states.remove(id);
  }

  private void loop(Container c, HealthState s, String run, HealthConfig hc, List<String> cmd) {
    Duration interval = positive(hc.interval(), DEFAULT_INTERVAL);
    Duration startInterval = positive(hc.startInterval(), DEFAULT_START_INTERVAL);
    Duration timeout = positive(hc.timeout(), DEFAULT_TIMEOUT);
    Duration startPeriod = Duration.ofNanos(Math.max(0, hc.startPeriod()));
    int retries = hc.retries() > 0 ? hc.retries() : DEFAULT_RETRIES;
    Instant started = GoTime.parse(run);
    try {
      while (true) {
        boolean inStart = Instant.now().isBefore(started.plus(startPeriod));
        Thread.sleep((inStart && hc.startInterval() > 0 ? startInterval : interval).toMillis());
        ContainerRecord r = c.record();
        if (!isCurrent(c, s, run)) {
          return;
        }
        if (r.state().status() != ContainerStatus.RUNNING) {
          continue; // paused: skip this probe
        }
        Health.HealthcheckResult result = probe.run(c.id, cmd, timeout);
        if (!isCurrent(c, s, run)) {
          return;
        }
        boolean stillStarting = GoTime.parse(result.start()).isBefore(started.plus(startPeriod));
        String changed = s.record(result, retries, stillStarting);
        HealthFile.write(ctx.store().dir(c.id), run, s.view());
        if (changed != null) {
          ctx.event(c.record(), "health_status: " + changed);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("health check of {} stopped: {}", c.id, e.toString());
    }
  }

  private boolean isCurrent(Container c, HealthState s, String run) {
    ContainerRecord r = c.record();
    try {
      if (ctx.store().get(c.id) != c) {
        return false;
      }
    } catch (RuntimeException e) {
      return false;
    }
    return r.state().status().isRunning() && run.equals(r.state().startedAt()) && s.run().equals(run);
  }

  private static Duration positive(long nanos, Duration dflt) {
    return nanos > 0 ? Duration.ofNanos(nanos) : dflt;
  }

  /** {@code ps --filter health=…}: dockerd's values, {@code none} for containers without a check. */
  static boolean matches(Set<String> wanted, Health h) {
    for (String w : wanted) {
      if (!FILTER_VALUES.contains(w)) {
        throw new InvalidParameterException("Unrecognised filter value for health: " + w);
      }
    }
    return wanted.contains(h == null ? Health.NONE : h.status());
  }

  /** ps's status with the health suffix: {@code Up 3 seconds (health: starting)}, {@code (healthy)}. */
  static String statusLine(String base, ContainerRecord r, Health h) {
    if (h == null || r.state().status() != ContainerStatus.RUNNING) {
      return base;
    }
    return base + (Health.STARTING.equals(h.status()) ? " (health: starting)" : " (" + h.status() + ")");
  }

  /** One container's health; synchronized, small. */
  static final class HealthState {
    private String run = "";
    private String status = Health.STARTING;
    private int failingStreak;
    private final List<Health.HealthcheckResult> log = new ArrayList<>();

    synchronized String run() {
      return run;
    }

    synchronized void reset(String newRun) {
      run = newRun;
      status = Health.STARTING;
      failingStreak = 0;
    }

    synchronized void restore(Health saved) {
      status = saved.status() == null ? Health.STARTING : saved.status();
      failingStreak = saved.failingStreak();
      log.clear();
      if (saved.log() != null) {
        log.addAll(saved.log());
      }
    }

    synchronized Health view() {
      return new Health(status, failingStreak, List.copyOf(log));
    }

    /** Records a probe result; returns the new status when it changed, else null. */
    synchronized String record(Health.HealthcheckResult r, int retries, boolean inStartPeriod) {
      log.add(r);
      while (log.size() > MAX_LOG_ENTRIES) {
        log.remove(0);
      }
      String before = status;
      if (r.exitCode() == 0) {
        failingStreak = 0;
        status = Health.HEALTHY;
      } else if (!inStartPeriod || !Health.STARTING.equals(status)) {
        failingStreak++;
        if (failingStreak >= retries) {
          status = Health.UNHEALTHY;
        }
      }
      return before.equals(status) ? null : status;
    }
  }
}
