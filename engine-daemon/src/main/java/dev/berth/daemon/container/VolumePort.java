package dev.berth.daemon.container;

import java.nio.file.Path;

/** What containers need from the volume service; implemented over {@code VolumeService} in {@code Wiring}. */
public interface VolumePort {
  /** A volume as a container sees it. */
  record Volume(String name, String driver, Path path) {}

  /**
   * The named volume, created (with a {@code volume create} event) when missing; {@code name} null creates a new
   * anonymous volume.
   */
  Volume acquire(String name, java.util.Map<String, String> labels, java.util.Map<String, String> driverOpts);

  /** After a daemon restart: a running container still uses the volume (no mount, no event). */
  void adopt(String name, String containerId);

  /** Makes the volume's data directory usable (mounting driver options on first use); emits {@code mount}. */
  Path mount(String name, String containerId, String destination, boolean rw, String propagation);

  /** Drops one use; the last one unmounts driver-option mounts. Emits {@code unmount}. */
  void unmount(String name, String containerId);

  /** True when the volume's data directory has no entries (copy-up candidates). */
  boolean isEmpty(String name);

  /** {@code docker rm -v}: removes an anonymous volume unless another container still uses it. */
  void removeIfUnused(String name, String exceptContainerId);

  /** No volumes: every request fails (tests that don't need them). */
  VolumePort NONE = new VolumePort() {
    @Override
    public Volume acquire(String name, java.util.Map<String, String> labels,
        java.util.Map<String, String> driverOpts) {
      throw new dev.berth.api.errors.NotImplementedException("volumes are not available");
    }

    @Override
    public Path mount(String name, String id, String destination, boolean rw, String propagation) {
      throw new dev.berth.api.errors.NotImplementedException("volumes are not available");
    }

    @Override
    public void unmount(String name, String containerId) {}

    @Override
    public void adopt(String name, String containerId) {}

    @Override
    public boolean isEmpty(String name) {
      return false;
    }

    @Override
    public void removeIfUnused(String name, String exceptContainerId) {}
  };
}
