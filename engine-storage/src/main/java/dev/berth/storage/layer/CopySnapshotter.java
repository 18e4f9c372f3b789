package dev.berth.storage.layer;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.types.MountSpec;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.linux.FsOps;
import dev.berth.storage.tar.EntryNames;
import dev.berth.storage.tar.TarApplier;
import dev.berth.storage.tar.WhiteoutMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A snapshotter without overlayfs (containerd's "native", dockerd's vfs in spirit): layers stay as tars in the
 * content store and are only checked at registration; {@link #prepare} replays them bottom-up into
 * {@code <root>/<key>/rootfs} (whiteouts delete) and returns a bind mount of that directory.
 */
public final class CopySnapshotter implements Snapshotter {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final String TMP_MARK = ".tmp-";

  private final Path root;
  private final TarApplier applier;

  /**
   * @param bestEffortOwnership tolerate EPERM for chown, mknod and xattrs (running without root)
   */
  public CopySnapshotter(Path root, FsOps fs, boolean bestEffortOwnership) throws IOException {
    this.root = root.toAbsolutePath();
    this.applier = new TarApplier(fs, WhiteoutMode.DELETE, bestEffortOwnership);
    Files.createDirectories(this.root);
    try (Stream<Path> s = Files.list(this.root)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().contains(TMP_MARK)) {
          AtomicFiles.deleteTree(p);
        }
      }
    }
  }

  @Override
  public String driverName() {
    return "vfs";
  }

  /** Only validates the tar (names, readable entries) and counts its content bytes. */
  @Override
  public long unpack(String layerId, List<String> parentIds, InputStream tar) throws IOException {
    long size = 0;
    TarArchiveInputStream in = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
    for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
      if (e.isGlobalPaxHeader()) {
        continue;
      }
      EntryNames.clean(e.getName());
      if (e.isLink()) {
        EntryNames.clean(e.getLinkName());
      }
      if (e.isFile() && !e.isLink()) {
        size += e.getSize();
      } else if (e.isSymbolicLink()) {
        size += e.getLinkName().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return size;
  }

  @Override
  public void removeLayer(String layerId) {
    // nothing on disk per layer
  }

  @Override
  public Set<String> layerIds() {
    return Set.of();
  }

  @Override
  public List<MountSpec> prepare(String key, List<LayerSource> layers) throws IOException {
    checkKey(key);
    Path dir = root.resolve(key);
    if (!Files.isDirectory(dir)) {
      Path tmp = root.resolve(key + TMP_MARK + UUID.randomUUID());
      try {
        Files.createDirectories(tmp.resolve("rootfs"));
        for (LayerSource layer : layers) {
          try (InputStream tar = layer.tar().open()) {
            applier.apply(tar, tmp.resolve("rootfs"));
          }
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(root);
      } finally {
        AtomicFiles.deleteTree(tmp);
      }
    }
    return List.of(new MountSpec("bind", dir.resolve("rootfs").toString(), List.of("rbind", "rw")));
  }

  @Override
  public void remove(String key) throws IOException {
    checkKey(key);
    AtomicFiles.deleteTree(root.resolve(key));
  }

  @Override
  public Set<String> keys() throws IOException {
    Set<String> out = new HashSet<>();
    try (Stream<Path> s = Files.list(root)) {
      s.map(p -> p.getFileName().toString()).filter(n -> !n.contains(TMP_MARK)).forEach(out::add);
    }
    return out;
  }

  @Override
  public Path upperDir(String key) {
    checkKey(key);
    return root.resolve(key).resolve("rootfs");
  }

  @Override
  public Map<String, String> layerData(String layerId, List<String> parentIds) {
    return Map.of();
  }

  private static void checkKey(String key) {
    if (!SAFE_ID.matcher(key).matches()) {
      throw new InvalidParameterException("invalid snapshot id " + key);
    }
  }
}
