package dev.berth.storage.volume;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local volume driver's store: one directory per volume under {@code root} ({@code <data-root>/volumes}),
 * data in {@code _data}, metadata in {@code meta.json} (written atomically). Names are validated before any path
 * is built, so nothing can escape {@code root}. Whether a volume is in use is the caller's business.
 */
public final class VolumeStore {
  private static final Logger log = LoggerFactory.getLogger(VolumeStore.class);
  private static final String META = "meta.json";
  private static final String DATA = "_data";

  private final Path root;
  private final Clock clock;
  private final Map<String, LocalVolume> volumes = new ConcurrentHashMap<>();

  public VolumeStore(Path root, Clock clock) {
    this.root = root;
    this.clock = clock;
  }

  /** Creates the root and reads every volume (at daemon start); a directory without metadata gets defaults. */
  public static VolumeStore open(Path root) throws IOException {
    VolumeStore s = new VolumeStore(root, Clock.systemUTC());
    s.load();
    return s;
  }

  void load() throws IOException {
    Files.createDirectories(root);
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String name = dir.getFileName().toString();
        if (!VolumeNames.isValid(name)) {
          continue;
        }
        try {
          volumes.put(name, read(dir, name));
        } catch (IOException | RuntimeException e) {
          log.warn("skipping volume {}: {}", name, e.toString());
        }
      }
    }
  }

  private LocalVolume read(Path dir, String name) throws IOException {
    Path meta = dir.resolve(META);
    if (!Files.isRegularFile(meta)) {
      Instant t = Files.getLastModifiedTime(dir).toInstant();
      return new LocalVolume(name, dir.resolve(DATA), t, Map.of(), Map.of());
    }
    VolumeMeta m = Json.MAPPER.readValue(meta.toFile(), VolumeMeta.class);
    return new LocalVolume(name, dir.resolve(DATA), Instant.parse(m.createdAt()),
        m.labels() == null ? Map.of() : m.labels(), m.options() == null ? Map.of() : m.options());
  }

  /**
   * Creates a volume, or returns the existing one of that name (dockerd's local driver does the same).
   *
   * @param name null or empty for a generated name
   */
  public synchronized LocalVolume create(String name, Map<String, String> labels, Map<String, String> options) {
    String n = name == null || name.isEmpty() ? VolumeNames.generate() : name;
    VolumeNames.validate(n);
    LocalVolume existing = volumes.get(n);
    if (existing != null) {
      return existing;
    }
    DriverOptions.parse(options);
    Path dir = root.resolve(n);
    LocalVolume v = new LocalVolume(n, dir.resolve(DATA), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
        labels == null ? Map.of() : labels, options == null ? Map.of() : options);
    try {
      Files.createDirectories(v.dataPath());
      AtomicFiles.write(dir.resolve(META), Json.write(new VolumeMeta(n, v.createdAt().toString(), v.labels(),
          v.options())));
    } catch (IOException e) {
      deleteQuietly(dir);
      throw new SystemException("create " + n + ": " + e.getMessage(), e);
    }
    volumes.put(n, v);
    return v;
  }

  public LocalVolume get(String name) {
    LocalVolume v = name == null ? null : volumes.get(name);
    if (v == null) {
      throw new NoSuchVolumeException(name);
    }
    return v;
  }

  public boolean exists(String name) {
    return name != null && volumes.containsKey(name);
  }

  public List<LocalVolume> list() {
    List<LocalVolume> out = new ArrayList<>(volumes.values());
    out.sort(Comparator.comparing(LocalVolume::name));
    return out;
  }

  /**
   * Deletes a volume and its data. Refuses while something is still mounted on its data directory (a
   * {@code device} bind must never be deleted through).
   */
  public synchronized void remove(String name) {
    LocalVolume v = get(name);
    if (MountTable.isMountPoint(v.dataPath())) {
      throw new ConflictException("remove " + name + ": volume is in use - [mounted]");
    }
    try {
      AtomicFiles.deleteTree(v.dataPath().getParent());
    } catch (IOException e) {
      throw new SystemException("remove " + name + ": " + e.getMessage(), e);
    }
    volumes.remove(name);
  }

  /** Bytes used by the volume's files (not following symlinks); -1 when it cannot be read. */
  public long size(String name) {
    LocalVolume v = get(name);
    try (Stream<Path> walk = Files.walk(v.dataPath())) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .mapToLong(p -> {
            try {
              return Files.size(p);
            } catch (IOException e) {
              return 0;
            }
          }).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** True when something is mounted on the volume's data directory (driver options, left from a live restore). */
  public boolean isMounted(String name) {
    return MountTable.isMountPoint(get(name).dataPath());
  }

  /** True when the data directory has no entries. */
  public boolean isEmpty(String name) {
    try (Stream<Path> s = Files.list(get(name).dataPath())) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      AtomicFiles.deleteTree(dir);
    } catch (IOException e) {
      log.warn("cannot clean up {}: {}", dir, e.toString());
    }
  }
}
