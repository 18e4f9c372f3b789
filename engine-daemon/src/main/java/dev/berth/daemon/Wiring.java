package dev.berth.daemon;

import dev.berth.daemon.config.DaemonConfig;
import dev.berth.daemon.events.EventBus;
import dev.berth.daemon.http.Dispatcher;
import dev.berth.daemon.http.Router;
import dev.berth.daemon.http.routes.ImageRoutes;
import dev.berth.daemon.http.routes.RegistryRoutes;
import dev.berth.daemon.http.routes.SwarmRoutes;
import dev.berth.daemon.http.routes.SystemRoutes;
import dev.berth.daemon.image.ImageManager;
import dev.berth.daemon.image.ImageSettings;
import dev.berth.daemon.system.BuildInfo;
import dev.berth.daemon.system.EngineIdentity;
import dev.berth.daemon.system.HostFacts;
import dev.berth.daemon.system.Inventory;
import dev.berth.daemon.system.SystemService;
import dev.berth.daemon.system.ToolVersions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root: the only place that chooses implementations and connects the managers. Nothing else
 * calls {@code new} on a manager or a native implementation.
 */
public final class Wiring implements AutoCloseable {
  private final AtomicReference<DaemonConfig> config;
  private final EventBus events = new EventBus();
  private final BuildInfo build = BuildInfo.load();
  private final SystemService system;
  private final ImageManager images;
  private final ContainerWiring containers;
  private final Dispatcher dispatcher;

  private Wiring(DaemonConfig cfg, Dispatcher dispatcher) throws IOException {
    long t0 = System.nanoTime();
    this.config = new AtomicReference<>(cfg);
    Path dataRoot = Path.of(cfg.dataRoot());
    this.system = new SystemService(config::get, new HostFacts(Path.of("/")),
        EngineIdentity.loadOrCreate(dataRoot), build, new ToolVersions(), events::listeners);
    List<Router> routers = new ArrayList<>();
    routers.add(new SystemRoutes(system, events));
    routers.add(new SwarmRoutes());
    StartupClock.mark("system");
    // Images load on a second thread while the runtime, networks and containers load on this one.
    ImageLoad imageLoad = ImageLoad.start(ImageSettings.from(cfg, build.engineVersion()), events);
    try {
      this.containers = new ContainerWiring(cfg, imageLoad::await, events);
    } catch (IOException | RuntimeException e) {
      imageLoad.discard();
      throw e;
    }
    this.images = imageLoad.await();
    long t1 = imageLoad.loadedAt();
    long t2 = System.nanoTime();
    StartupClock.mark("containers");
    routers.add(new RegistryRoutes(images));
    routers.add(new ImageRoutes(images));
    routers.add(new dev.berth.daemon.http.routes.ContainerRoutes(containers.containers()));
    routers.add(new dev.berth.daemon.http.routes.ArchiveRoutes(new dev.berth.daemon.archive.ArchiveManager(new dev.berth.daemon.container.ContainerFiles(containers.containers()), images.service(), dev.berth.storage.linux.LinuxFsOps.load(), build.engineVersion())));
    routers.add(new dev.berth.daemon.http.routes.BuildRoutes(new dev.berth.daemon.build.Builder(containers.containers(), images, images.service(), dev.berth.storage.linux.LinuxFsOps.load(), Path.of(cfg.dataRoot()), build.engineVersion())));
    routers.add(new dev.berth.daemon.http.routes.StatsRoutes(new dev.berth.daemon.container.ContainerStats(containers.containers()), new dev.berth.daemon.container.ContainerUpdate(containers.containers())));
    routers.add(new dev.berth.daemon.http.routes.ExecRoutes(new dev.berth.daemon.container.ExecManager(containers.containers())));
    routers.add(new dev.berth.daemon.http.routes.NetworkRoutes(new dev.berth.daemon.network.NetworkService(
        containers.network(), new NetworkContainersPort(containers.containers()), events)));
    routers.add(new dev.berth.daemon.http.routes.VolumeRoutes(containers.volumes()));
    system.setInventory(new Inventory() {
      @Override
      public ContainerCounts containers() {
        return containers.containers().counts();
      }

      @Override
      public int images() {
        return images.count();
      }
    });
    system.setDiskUsage(() -> new dev.berth.api.model.system.DiskUsage(images.layersSize(), images.diskUsage(),
        containers.containers().list(true, -1, true, dev.berth.api.filters.Filters.empty()),
        containers.volumes().diskUsage(), List.of()));
    this.dispatcher = dispatcher;
    dispatcher.install(routers);
    StartupClock.log(org.slf4j.LoggerFactory.getLogger(Wiring.class), "engine ready");
    org.slf4j.LoggerFactory.getLogger(Wiring.class).info(
        "engine ready in {} ms: images {} ms, in parallel with containers and network", (t2 - t0) / 1_000_000,
        (t1 - t0) / 1_000_000);
  }

  /** The production wiring: real kernel, real runtime binaries. */
  public static Wiring linux(DaemonConfig cfg, Dispatcher dispatcher) throws IOException {
    return new Wiring(cfg, dispatcher);
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public BuildInfo build() {
    return build;
  }

  public EventBus events() {
    return events;
  }

  public DaemonConfig config() {
    return config.get();
  }

  /** Applies the reloadable settings of a new configuration (SIGHUP). */
  public void reload(DaemonConfig next) {
    config.set(next);
    events.publish("daemon", "reload", system.info().id(), java.util.Map.of("name", system.info().name()));
  }

  @Override
  public void close() {
    // managers are closed here as they are added
    containers.close();
    images.close();
  }
}
