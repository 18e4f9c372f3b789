package dev.berth.storage.layer;

import dev.berth.api.types.MountSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns layers into container root filesystems. Storage describes mounts; it never performs them (containerd's
 * model): {@link #prepare} returns {@link MountSpec}s that the runtime mounts. Implementations: {@link
 * OverlaySnapshotter} (overlay2 layout, one unpacked dir per layer) and {@link CopySnapshotter} (a plain directory
 * per container, for hosts without overlayfs and for tests without root).
 */
public interface Snapshotter {

  /** dockerd's storage-driver name, for {@code docker info} and inspect's {@code GraphDriver.Name}. */
  String driverName();

  /**
   * Stores one layer from its uncompressed tar so that later mounts can use it. All or nothing: on failure nothing
   * is left behind. Returns the bytes of file content unpacked.
   *
   * @param layerId the new layer's storage id (moby's cache-id)
   * @param parentIds storage ids of the layers below, bottom first
   */
  long unpack(String layerId, List<String> parentIds, InputStream tar) throws IOException;

  void removeLayer(String layerId) throws IOException;

  /** Layer ids present on disk (to find orphans after a crash). */
  Set<String> layerIds() throws IOException;

  /** A layer to mount, and how to read its tar again (the copy snapshotter replays layers). */
  record LayerSource(String layerId, TarOpener tar) {}

  @FunctionalInterface
  interface TarOpener {
    InputStream open() throws IOException;
  }

  /**
   * Creates (or returns, when it exists) the writable snapshot {@code key} on top of {@code layers} (bottom
   * first) and describes how to mount it.
   */
  List<MountSpec> prepare(String key, List<LayerSource> layers) throws IOException;

  /** Deletes a snapshot; the caller makes sure it is unmounted. Missing snapshots are fine. */
  void remove(String key) throws IOException;

  /** Snapshot keys present on disk. */
  Set<String> keys() throws IOException;

  /** The directory holding the container's changes (overlay upperdir; the whole tree for the copy snapshotter). */
  Path upperDir(String key);

  /** {@code GraphDriver.Data} for inspect: LowerDir, UpperDir, WorkDir, MergedDir for the top layer of an image. */
  Map<String, String> layerData(String layerId, List<String> parentIds);
}
