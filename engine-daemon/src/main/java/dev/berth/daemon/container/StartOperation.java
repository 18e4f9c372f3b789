package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.GoTime;
import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.monitor.ContainerExit;
import dev.berth.runtime.monitor.CreateRequest;
import dev.berth.runtime.monitor.ExitTarget;
import dev.berth.runtime.monitor.MonitoredContainer;
import dev.berth.runtime.monitor.Stdio;
import dev.berth.runtime.oci.InvalidStartConfigException;
import dev.berth.runtime.spec.ContainerRuntimeConfig;
import dev.berth.runtime.spec.NamespaceMode;
import dev.berth.runtime.spec.Spec;
import dev.berth.runtime.spec.SpecJson;
import dev.berth.runtime.user.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a container: mount the rootfs, set up networking, write the OCI bundle, let conmon create the container,
 * connect waiting attach clients, then {@code runtime start}. On failure everything done so far is undone and the
 * error is recorded in {@code State.Error} with dockerd's exit code (127 not found, 126 not executable, 128).
 */
final class StartOperation {
  private static final Logger log = LoggerFactory.getLogger(StartOperation.class);

  private final ContainerContext ctx;
  private final ExitHandler exits;
  private final Executor executor;

  StartOperation(ContainerContext ctx, ExitHandler exits, Executor executor) {
    this.ctx = ctx;
    this.exits = exits;
    this.executor = executor;
  }

  void start(Container c) {
    c.lock.lock();
    try {
      c.record().state().status().checkCanStart();
      startLocked(c);
    } finally {
      c.lock.unlock();
    }
  }

  /** Caller holds the container lock and checked the state. */
  void startLocked(Container c) {
    ContainerRecord r = c.record();
    RuntimeServices rt = ctx.runtime();
    String id = r.id();
    Path bundle = rt.bundle(id);
    Path rootfs = rt.rootfs(id);
    Path dir = ctx.store().dir(id);
    boolean mounted = false;
    boolean volumesMounted = false;
    boolean networked = false;
    MonitoredContainer mc = null;
    long t0 = System.nanoTime();
    long tMount = 0;
    long tNet = 0;
    long tSpec = 0;
    long tCreate = 0;
    try {
      Files.createDirectories(rootfs);
      rt.mounter().unmount(rootfs);
      rt.mounter().mount(r.rootfs(), rootfs);
      mounted = true;
      tMount = System.nanoTime();
      // moby connects the networks before it mounts the volumes: "network connect" precedes "volume mount"
      ContainerRecord joined = joinedContainer(r);
      java.util.List<LegacyLinks.Child> links = LegacyLinks.resolve(r, ref -> ctx.store().get(ref).record(),
          ctx.network()::defaultBridgeIp);
      NamespaceMode netns = ctx.network().attach(r, dir, joined, links);
      networked = true;
      volumesMounted = true;
      java.util.List<dev.berth.runtime.spec.ContainerMount> volumes = ctx.volumes().mount(r, rootfs);
      tNet = System.nanoTime();
      ContainerRuntimeConfig cfg = RuntimeConfigMapper.map(r, rootfs, dir,
          ref -> ctx.store().get(ref).record().state().pid(), netns, volumes,
          links.stream().flatMap(l -> l.env().stream()).toList());
      Spec spec = rt.specs().build(cfg);
      if (r.config().workingDir() != null && !r.config().workingDir().isEmpty()) {
        WorkingDirectory.ensure(rootfs, r.config().workingDir(), 0, 0);
      }
      SpecJson.write(spec, bundle);
      tSpec = System.nanoTime();
      mc = rt.monitor().create(new CreateRequest(id, r.plainName(), bundle, rt.runtimes().forName(r.runtime()),
          logConfig(r), new Stdio(r.config().openStdin(), r.config().stdinOnce(), r.config().tty())));
      c.layout = mc.layout();
      tCreate = System.nanoTime();
      CompletableFuture<ContainerExit> exit = rt.exits().watch(ExitTarget.of(mc.layout(),
          memoryCgroup(spec)));
      for (Container.PendingAttach pa : c.pendingAttaches) {
        try {
          pa.connection().complete(rt.attacher().attach(mc.layout().attachSocket(), pa.sink()));
        } catch (RuntimeException e) {
          pa.connection().completeExceptionally(e);
        }
      }
      c.pendingAttaches.clear();
      c.exited = new CompletableFuture<>();
      rt.runtime(r.runtime()).start(id);
      ContainerRecord running = r.withState(new ContainerRecord.State(ContainerStatus.RUNNING, mc.pid(), 0, "",
          GoTime.rfc3339Nano(Instant.now()), r.state().finishedAt(), false))
          .withFlags(r.restartCount(), false, true);
      ctx.store().save(c, running);
      exit.whenCompleteAsync((e, t) -> exits.onExit(c, e, t), executor);
      ctx.event(running, "start");
      if (log.isDebugEnabled()) {
        long end = System.nanoTime();
        log.debug("start {}: mount {} ms, volumes+network {} ms, spec {} ms, monitor+create {} ms, start {} ms",
            r.shortId(), (tMount - t0) / 1_000_000, (tNet - tMount) / 1_000_000, (tSpec - tNet) / 1_000_000,
            (tCreate - tSpec) / 1_000_000, (end - tCreate) / 1_000_000);
      }
    } catch (RuntimeException | IOException e) {
      undo(c, r, mc, networked, mounted, rootfs);
      if (volumesMounted) {
        ctx.volumes().release(r);
      }
      int code = e instanceof InvalidStartConfigException isc ? isc.exitCode() : 128;
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      ContainerStatus status = r.state().status() == ContainerStatus.EXITED ? ContainerStatus.EXITED
          : ContainerStatus.CREATED;
      ctx.store().save(c, r.withState(new ContainerRecord.State(status, 0, code, message, r.state().startedAt(),
          r.state().finishedAt(), false)));
      c.pendingAttaches.forEach(pa -> pa.connection().completeExceptionally(e));
      c.pendingAttaches.clear();
      if (e instanceof InvalidParameterException ipe) {
        throw ipe;
      }
      if (e instanceof dev.berth.api.errors.EngineException ee) {
        throw ee;
      }
      throw new SystemException("failed to start container " + id + ": " + message, e);
    }
  }

  private void undo(Container c, ContainerRecord r, MonitoredContainer mc, boolean networked, boolean mounted,
      Path rootfs) {
    RuntimeServices rt = ctx.runtime();
    try {
      if (mc != null) {
        rt.exits().unwatch(r.id());
        rt.runtime(r.runtime()).delete(r.id(), true);
        rt.monitor().cleanup(mc.layout());
      }
    } catch (RuntimeException e) {
      log.warn("cleanup of failed start of {}: {}", r.id(), e.toString());
    }
    c.layout = null;
    if (networked) {
      ctx.network().detach(r.id());
    }
    if (mounted) {
      try {
        rt.mounter().unmount(rootfs);
      } catch (RuntimeException e) {
        log.warn("cannot unmount {}: {}", rootfs, e.toString());
      }
    }
  }

  private ContainerRecord joinedContainer(ContainerRecord r) {
    String mode = ContainerNetworking.mode(r.hostConfig());
    if (!mode.startsWith("container:")) {
      return null;
    }
    return ctx.store().get(mode.substring("container:".length())).record();
  }

  private LogConfig logConfig(ContainerRecord r) {
    String type = r.hostConfig().logConfig() == null ? "" : r.hostConfig().logConfig().type();
    if ("none".equals(type)) {
      return LogConfig.none();
    }
    long max = ctx.settings().logMaxSize();
    var opts = r.hostConfig().logConfig() == null ? null : r.hostConfig().logConfig().config();
    if (opts != null && opts.get("max-size") != null) {
      max = Sizes.parse(opts.get("max-size"));
    }
    return LogConfig.k8sFile(ctx.store().dir(r.id()).resolve(r.id() + "-json.log"), max);
  }

  private static Path memoryCgroup(Spec spec) {
    if (spec.linux() == null || spec.linux().cgroupsPath() == null) {
      return null;
    }
    Path p = Path.of("/sys/fs/cgroup/memory" + spec.linux().cgroupsPath());
    return Files.isDirectory(Path.of("/sys/fs/cgroup/memory")) ? p : null;
  }
}
