package dev.berth.daemon;

import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.types.MountSpec;
import dev.berth.daemon.config.DaemonConfig;
import dev.berth.daemon.container.ContainerManager;
import dev.berth.daemon.container.ContainerStore;
import dev.berth.daemon.container.ImagePort;
import dev.berth.daemon.container.Sizes;
import dev.berth.daemon.container.VolumePort;
import dev.berth.daemon.volume.VolumeService;
import dev.berth.storage.volume.LocalVolume;
import dev.berth.storage.volume.VolumeStore;
import dev.berth.daemon.events.EventBus;
import dev.berth.daemon.image.ImageManager;
import dev.berth.daemon.image.ImageUsers;
import dev.berth.network.NetworkConfig;
import dev.berth.network.NetworkManager;
import dev.berth.network.NetworkManagers;
import dev.berth.network.ipam.DefaultAddressPools;
import dev.berth.storage.image.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Connects containers to images, the runtime and the network (part of the composition root). */
final class ContainerWiring implements AutoCloseable {
  private final RuntimeWiring runtime;
  private final NetworkManager network;
  private final ContainerManager containers;
  private final VolumeService volumes;

  /** {@code imageSource} blocks until the image store has loaded (on another thread); it is needed from restore on. */
  ContainerWiring(DaemonConfig cfg, ImageSource imageSource, EventBus events) throws IOException {
    Path dataRoot = Path.of(cfg.dataRoot());
    this.runtime = new RuntimeWiring(cfg);
    StartupClock.mark("runtime");
    String bridge = cfg.bridge() == null || cfg.bridge().isEmpty() ? "berth0" : cfg.bridge();
    this.network = NetworkManagers.linux(new NetworkConfig(dataRoot.resolve("network"), Path.of(cfg.execRoot()),
        bridge, cfg.bip() == null || cfg.bip().isEmpty() ? null : cfg.bip(), addressPools(cfg)
            .withUla(dev.berth.daemon.system.EngineIdentity.loadOrCreate(dataRoot)),
        cfg.mtu(), cfg.ipForward(), cfg.icc(), cfg.ipMasq(),
        cfg.defaultPublishLoopback() && "0.0.0.0".equals(cfg.ip()) ? "127.0.0.1" : cfg.ip(), firewallTable(bridge),
        10_000), cfg.publishRespectsFirewall());
    StartupClock.mark("network");
    ContainerStore store = new ContainerStore(dataRoot.resolve("containers"));
    store.load();
    StartupClock.mark("container store");
    ImageManager images = imageSource.await();
    StartupClock.mark("images");
    long maxSize = Sizes.parse(cfg.logOpts().getOrDefault("max-size", "20m"));
    this.volumes = new VolumeService(VolumeStore.open(dataRoot.resolve("volumes")), runtime.services().mounter(),
        events);
    this.containers = new ContainerManager(store, imagePort(images), runtime.services(), network, events,
        cfg.defaultRuntime(), cfg.logDriver(), maxSize, cfg.liveRestore(), volumePort(volumes));
    volumes.setUsers(containers::volumeUsers);
    images.setUsers(imageId -> containers.usersOfImage(imageId).entrySet().stream()
        .map(e -> new ImageUsers.User(e.getKey(), e.getValue())).toList());
    StartupClock.mark("managers");
    containers.restore();
    StartupClock.mark("restore");
    network.start(containers.runningIds());
    containers.networkRestored();
    StartupClock.mark("network start");
    containers.startPolicyContainers();
  }

  /**
   * Berth's nftables table: {@code berth} for the default bridge; daemons on another bridge (a second instance,
   * tests) get their own table so they never rewrite each other's rules.
   */
  static String firewallTable(String bridge) {
    return bridge.equals("berth0") ? "berth" : "berth_" + bridge.replaceAll("[^A-Za-z0-9_]", "_");
  }

  ContainerManager containers() {
    return containers;
  }

  NetworkManager network() {
    return network;
  }

  VolumeService volumes() {
    return volumes;
  }

  private static VolumePort volumePort(VolumeService volumes) {
    return new VolumePort() {
      @Override
      public Volume acquire(String name, java.util.Map<String, String> labels,
          java.util.Map<String, String> driverOpts) {
        LocalVolume v = volumes.acquire(name, labels, driverOpts);
        return new Volume(v.name(), LocalVolume.DRIVER, v.dataPath());
      }

      @Override
      public Path mount(String name, String id, String destination, boolean rw, String propagation) {
        return volumes.mount(name, id, destination, rw, propagation);
      }

      @Override
      public void unmount(String name, String containerId) {
        volumes.unmount(name, containerId);
      }

      @Override
      public void adopt(String name, String containerId) {
        volumes.adopt(name, containerId);
      }

      @Override
      public boolean isEmpty(String name) {
        return volumes.isEmpty(name);
      }

      @Override
      public void removeIfUnused(String name, String exceptContainerId) {
        volumes.removeIfUnused(name, exceptContainerId);
      }
    };
  }

  private static ImagePort imagePort(ImageManager images) {
    return new ImagePort() {
      @Override
      public ResolvedImage resolve(String ref) {
        Image img = images.service().get(ref);
        ContainerConfig cfg = img.config() == null ? null : img.config().config();
        var ic = img.config();
        String platform = ic == null || ic.os() == null || ic.os().isEmpty() || ic.architecture() == null ? ""
            : ic.os() + "/" + ic.architecture() + (ic.variant() == null || ic.variant().isEmpty() ? ""
            : "/" + ic.variant());
        return new ResolvedImage(img.id().toString(), cfg, platform);
      }

      @Override
      public List<MountSpec> prepareRootfs(String containerId, String imageId) {
        return images.service().prepareRootfs(containerId, imageId);
      }

      @Override
      public void removeRootfs(String containerId) {
        images.service().removeRootfs(containerId);
      }

      @Override
      public Sizes sizes(String containerId, String imageId) {
        long rw = images.service().containerLayerSize(containerId);
        return new Sizes(rw, rw + images.service().imageSize(imageId));
      }
    };
  }

  /** The image manager, once loaded. */
  @FunctionalInterface
  interface ImageSource {
    ImageManager await() throws IOException;
  }

  @Override
  public void close() {
    containers.close();
    network.close();
    runtime.close();
  }

  /** {@code default-address-pools} (daemon.json or {@code --default-address-pool}), else dockerd's defaults. */
  static DefaultAddressPools addressPools(DaemonConfig cfg) {
    if (cfg.defaultAddressPools() == null || cfg.defaultAddressPools().isEmpty()) {
      return DefaultAddressPools.dockerDefaults();
    }
    List<DefaultAddressPools.Pool> pools = new java.util.ArrayList<>();
    for (DaemonConfig.AddressPool p : cfg.defaultAddressPools()) {
      dev.berth.network.ipam.Subnet base;
      try {
        base = dev.berth.network.ipam.Subnet.parse(p.base());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("invalid default address pool base " + p.base() + ": " + e.getMessage());
      }
      int max = base.ipv6() ? 128 : 32;
      if (p.size() < base.prefix() || p.size() > max) {
        throw new IllegalArgumentException("invalid pools size: " + p.size() + " (base " + p.base() + ")");
      }
      pools.add(new DefaultAddressPools.Pool(base, p.size()));
    }
    return new DefaultAddressPools(pools);
  }
}
