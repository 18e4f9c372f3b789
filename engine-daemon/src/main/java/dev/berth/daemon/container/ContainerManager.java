package dev.berth.daemon.container;

import dev.berth.api.backend.AttachOptions;
import dev.berth.api.backend.ContainerBackend;
import dev.berth.api.backend.LogsOptions;
import dev.berth.api.backend.OutputSink;
import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotModifiedException;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.container.ContainerCreateRequest;
import dev.berth.api.model.container.ContainerCreateResponse;
import dev.berth.api.model.container.ContainerInspectResponse;
import dev.berth.api.model.container.ContainerPruneResponse;
import dev.berth.api.model.container.ContainerSummary;
import dev.berth.api.model.container.ContainerTopResponse;
import dev.berth.api.model.container.ContainerWaitResponse;
import dev.berth.daemon.system.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The container backend: resolves references and delegates each operation to its class. Owns the executor that
 * runs exit handling.
 */
public final class ContainerManager implements ContainerBackend, AutoCloseable {
  private final ContainerContext ctx;
  private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("container-", 0).factory());
  private final ExitHandler exits;
  private final StartOperation starts;
  private final StopOperation stops;
  private final RemoveOperation removes;
  private final CreateOperation creates;
  private final LogsOperation logs;
  private final AttachOperation attaches;
  private final ContainerViews views;
  private final ContainerListing listing;
  private final Recovery recovery;
  private final RestartPolicies restarts;
  private final HealthChecks health;

  public ContainerManager(ContainerStore store, ImagePort images, RuntimeServices runtime,
      dev.berth.network.NetworkManager network, dev.berth.daemon.events.EventBus events,
      String defaultRuntime, String logDriver, long logMaxSize, boolean liveRestore) {
    this(store, images, runtime, network, events, defaultRuntime, logDriver, logMaxSize, liveRestore, VolumePort.NONE);
  }

  public ContainerManager(ContainerStore store, ImagePort images, RuntimeServices runtime,
      dev.berth.network.NetworkManager network, dev.berth.daemon.events.EventBus events,
      String defaultRuntime, String logDriver, long logMaxSize, boolean liveRestore, VolumePort volumes) {
    this.ctx = new ContainerContext(store, images, runtime, new ContainerNetworking(network, events), events,
        new ContainerContext.ContainerSettings(defaultRuntime, logDriver, logMaxSize, "", liveRestore),
        new ContainerVolumes(store, volumes));
    this.exits = new ExitHandler(ctx);
    this.starts = new StartOperation(ctx, exits, executor);
    this.stops = new StopOperation(ctx);
    this.removes = new RemoveOperation(ctx, stops);
    this.creates = new CreateOperation(ctx);
    this.logs = new LogsOperation(ctx);
    this.attaches = new AttachOperation(ctx, logs);
    this.views = new ContainerViews(ctx);
    this.listing = new ContainerListing(ctx, views);
    this.recovery = new Recovery(ctx, exits, executor);
    this.restarts = new RestartPolicies(ctx, starts::startLocked);
    exits.setAfterExit(restarts::onExit);
    this.health = new HealthChecks(ctx, new ExecHealthProbe(this));
    views.setHealth(health::health);
    health.follow(events);
    exits.setAutoRemove(c -> {
      try {
        removes.remove(c, true, true);
      } catch (ConflictException e) {
        // a docker rm (-f) got there first and removes it
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(ContainerManager.class).warn("auto-remove of {}: {}", c.id, e.toString());
      }
    });
  }

  /** What the container operations share (for {@link ExecManager}). */
  ContainerContext context() {
    return ctx;
  }

  /** Reconnects to containers that kept running while the daemon was down; records the ones that exited. */
  public void restore() {
    restarts.booting();
    recovery.restore();
    for (ContainerRecord r : ctx.store().records()) {
      if (r.state().status() == ContainerStatus.RUNNING) {
        health.started(r.id());
      }
    }
  }

  /** After {@link #restore()} and the network's start: running containers get their legacy link aliases back. */
  public void networkRestored() {
    for (ContainerRecord r : ctx.store().records()) {
      if (r.state().status().isRunning()) {
        try {
          ctx.network().restoreLinkAliases(r);
        } catch (RuntimeException e) {
          org.slf4j.LoggerFactory.getLogger(ContainerManager.class)
              .warn("cannot restore the link aliases of container {}", r.shortId(), e);
        }
      }
    }
  }

  /**
   * After {@link #restore()} and the network's start: restart policies apply again, and containers whose policy
   * wants them running ({@code always}, {@code unless-stopped} not stopped by the user …) are started.
   */
  public void startPolicyContainers() {
    restarts.afterRestore();
  }

  /** The IDs of containers that are running now (for the network module's cleanup at start). */
  public java.util.Set<String> runningIds() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (ContainerRecord r : ctx.store().records()) {
      if (r.state().status().isRunning()) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  public Inventory.ContainerCounts counts() {
    int running = 0;
    int paused = 0;
    int stopped = 0;
    List<ContainerRecord> all = ctx.store().records();
    for (ContainerRecord r : all) {
      switch (r.state().status()) {
        case RUNNING, RESTARTING -> running++;
        case PAUSED -> paused++;
        default -> stopped++;
      }
    }
    return new Inventory.ContainerCounts(all.size(), running, paused, stopped);
  }

  /**
   * Records {@code docker network connect/disconnect} in the container's endpoint configuration (the networks a
   * stopped container joins at start, the settings inspect shows): {@code settings} null removes {@code network}.
   */
  public void connected(String ref, String network, dev.berth.api.model.container.EndpointSettings settings) {
    Container c = ctx.store().get(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      Map<String, dev.berth.api.model.container.EndpointSettings> eps = new java.util.LinkedHashMap<>();
      if (r.networkingConfig() != null && r.networkingConfig().endpointsConfig() != null) {
        eps.putAll(r.networkingConfig().endpointsConfig());
      }
      if (settings == null) {
        eps.remove(network);
      } else {
        eps.put(network, settings);
      }
      ctx.store().save(c, r.withNetworkingConfig(new dev.berth.api.model.container.NetworkingConfig(eps)));
    } finally {
      c.lock.unlock();
    }
  }

  /** A running container joined or left a network: update its /etc/hosts (see {@link ContainerNetworking}). */
  public void hostsChanged(String ref, List<String> added, List<String> removed) {
    Container c = ctx.store().get(ref);
    ctx.network().hostsChanged(c.record(), ctx.store().dir(c.id), added, removed);
  }

  /** IDs of the containers (any state) whose mount points use the volume {@code name}. */
  public List<String> volumeUsers(String name) {
    return ctx.volumes().users(name);
  }

  /** Containers using an image, for {@code docker rmi} conflicts: id → running. */
  public Map<String, Boolean> usersOfImage(String imageId) {
    Map<String, Boolean> m = new java.util.LinkedHashMap<>();
    for (ContainerRecord r : ctx.store().records()) {
      if (r.image().equals(imageId)) {
        m.put(r.id(), r.state().status().isRunning());
      }
    }
    return m;
  }

  @Override
  public ContainerCreateResponse create(String name, String platform, ContainerCreateRequest request) {
    if (platform != null && !platform.isEmpty() && !platform.startsWith("linux")) {
      throw new InvalidParameterException("image operating system \"" + platform
          + "\" cannot be used on this platform");
    }
    return creates.create(name, platform, request);
  }

  @Override
  public void start(String ref) {
    Container c = ctx.store().get(ref);
    restarts.resetCount(c);
    try {
      starts.start(c);
    } catch (NotModifiedException e) {
      throw e;
    } catch (RuntimeException e) {
      if (c.record().hostConfig().autoRemove()) {
        try {
          removes.remove(c, true, true); // dockerd removes --rm containers whose start failed; the CLI waits for it
        } catch (RuntimeException ignored) {
          // already gone
        }
      }
      throw e;
    }
  }

  @Override
  public void stop(String ref, Integer timeoutSeconds, String signal) {
    Container c = ctx.store().get(ref);
    if (!restarts.cancel(c)) {
      if (c.record().state().status().isRunning()) {
        restarts.cancelRun(c);
      }
      stops.stop(c, timeoutSeconds, signal);
    }
  }

  @Override
  public void restart(String ref, Integer timeoutSeconds, String signal) {
    Container c = ctx.store().get(ref);
    try {
      if (!restarts.cancel(c)) {
        if (c.record().state().status().isRunning()) {
          restarts.cancelRun(c);
        }
        stops.stop(c, timeoutSeconds, signal);
      }
    } catch (NotModifiedException e) {
      // not running: just start it
    }
    restarts.resetCount(c);
    starts.start(c);
    ctx.event(c.record(), "restart");
  }

  @Override
  public void kill(String ref, String signal) {
    Container c = ctx.store().get(ref);
    if (restarts.killed(c, signal)) {
      return;
    }
    stops.kill(c, ref, signal);
  }

  @Override
  public void pause(String ref) {
    stops.pause(ctx.store().get(ref));
  }

  @Override
  public void unpause(String ref) {
    stops.unpause(ctx.store().get(ref));
  }

  @Override
  public void rename(String ref, String newName) {
    Container c = ctx.store().get(ref);
    if (newName == null || newName.isEmpty()) {
      throw new InvalidParameterException("Neither old nor new names may be empty");
    }
    String full = NameRegistry.normalize(newName);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      if (r.name().equals(full)) {
        throw new InvalidParameterException("Renaming a container with the same name as its current name");
      }
      ctx.store().names().reserve(full, c.id);
      ctx.store().names().release(r.name(), c.id);
      ContainerRecord renamed = r.withName(full);
      ctx.store().save(c, renamed);
      ctx.event(renamed, "rename", Map.of("oldName", r.name()));
    } finally {
      c.lock.unlock();
    }
  }

  @Override
  public void remove(String ref, boolean force, boolean removeVolumes) {
    removes.remove(ctx.store().get(ref), force, removeVolumes);
  }

  @Override
  public CompletableFuture<ContainerWaitResponse> await(String ref, String condition) {
    Container c = ctx.store().get(ref);
    String cond = condition == null || condition.isEmpty() ? "not-running" : condition;
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      return switch (cond) {
        case "not-running" -> r.state().status().isRunning() ? c.waiters.onNextExit()
            : CompletableFuture.completedFuture(ContainerWaitResponse.exited(r.state().exitCode()));
        case "next-exit" -> c.waiters.onNextExit();
        case "removed" -> c.waiters.onRemoved();
        default -> throw new InvalidParameterException("invalid condition: \"" + condition + "\"");
      };
    } finally {
      c.lock.unlock();
    }
  }

  @Override
  public ContainerInspectResponse inspect(String ref, boolean size) {
    Container c = ctx.store().get(ref);
    ContainerInspectResponse r = views.inspect(c.record(), c.execIds());
    if (!size) {
      return r;
    }
    ImagePort.Sizes s = ctx.images().sizes(r.id(), r.image());
    return r.withSizes(s.rw(), s.rootFs());
  }

  @Override
  public List<ContainerSummary> list(boolean all, int limit, boolean size, Filters filters) {
    List<ContainerSummary> out = listing.list(all, limit, filters);
    if (!size) {
      return out;
    }
    return out.stream().map(c -> {
      ImagePort.Sizes s = ctx.images().sizes(c.id(), c.imageId());
      return c.withSizes(s.rw(), s.rootFs());
    }).toList();
  }

  @Override
  public void resize(String ref, int height, int width) {
    Container c = ctx.store().get(ref);
    ContainerRecord r = c.record();
    if (!r.state().status().isRunning() || c.layout == null) {
      throw new ConflictException("Container " + ref + " is not running");
    }
    ctx.runtime().monitor().resize(c.layout.ctlFifo(), height, width);
  }

  @Override
  public ContainerTopResponse top(String ref, String psArgs) {
    Container c = ctx.store().get(ref);
    ContainerRecord r = c.record();
    r.state().status().checkRunning(r.id());
    return Top.run(ctx.runtime().runtime(r.runtime()).ps(r.id()), psArgs);
  }

  @Override
  public ContainerPruneResponse prune(Filters filters) {
    filters.validate(java.util.Set.of("until", "label", "label!"));
    List<String> deleted = new ArrayList<>();
    for (ContainerRecord r : ctx.store().records()) {
      ContainerStatus s = r.state().status();
      if (s.isRunning() || s == ContainerStatus.REMOVING || !filters.matchLabels("label", r.config().labels())
          || !createdBefore(r, filters.values("until"))) {
        continue;
      }
      try {
        removes.remove(ctx.store().get(r.id()), false, false);
        deleted.add(r.id());
      } catch (RuntimeException e) {
        // raced with a start or another removal: leave it
      }
    }
    return new ContainerPruneResponse(deleted.isEmpty() ? null : deleted, 0);
  }

  /** {@code until} filter values are unix times ({@code secs[.nanos]}, converted by the route). */
  private static boolean createdBefore(ContainerRecord r, java.util.Set<String> until) {
    if (until.isEmpty()) {
      return true;
    }
    java.time.Instant created = dev.berth.api.model.GoTime.parse(r.created());
    for (String u : until) {
      try {
        String[] p = u.split("\\.", 2);
        java.time.Instant t = java.time.Instant.ofEpochSecond(Long.parseLong(p[0]),
            p.length > 1 ? Long.parseLong((p[1] + "000000000").substring(0, 9)) : 0);
        if (!created.isBefore(t)) {
          return false;
        }
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("invalid filter 'until=" + u + "'");
      }
    }
    return true;
  }

  @Override
  public boolean hasTty(String ref) {
    return ctx.store().get(ref).record().config().tty();
  }

  @Override
  public AttachSession attach(String ref, AttachOptions options) {
    return attaches.attach(ctx.store().get(ref), ref, options);
  }

  @Override
  public void logs(String ref, LogsOptions options, OutputSink out, CompletableFuture<?> clientGone)
      throws IOException {
    logs.logs(ctx.store().get(ref), options, out, clientGone);
  }

  /** Stops the daemon's side: with live-restore containers keep running; without, they are stopped. */
  @Override
  public void close() {
    restarts.shutdown();
    if (!ctx.settings().liveRestore()) {
      for (ContainerRecord r : ctx.store().records()) {
        if (r.state().status().isRunning()) {
          try {
            Container c = ctx.store().get(r.id());
            stops.stop(c, null, null);
            restarts.daemonStopped(c); // not a user's stop: restart policies apply at the next daemon start
          } catch (RuntimeException e) {
            // best effort at shutdown
          }
        }
      }
    }
    executor.shutdown();
  }
}
