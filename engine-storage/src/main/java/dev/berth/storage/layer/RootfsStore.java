package dev.berth.storage.layer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.types.MountSpec;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container root filesystems (moby's RW layers): a record {@code <dir>/<key>.json} naming the layer chain a
 * container's snapshot sits on, so that garbage collection keeps those layers even after a forced rmi. The record
 * is written before the snapshot is created and removed after it is deleted.
 */
public final class RootfsStore {
  private static final Logger log = LoggerFactory.getLogger(RootfsStore.class);
  private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  /** A container's snapshot: which image and layer chain it was prepared from. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Rootfs(
      @JsonProperty("key") String key,
      @JsonProperty("image") String image,
      @JsonProperty("chainId") @JsonInclude(Include.NON_NULL) String chainId) {

    public Digest chainIdValue() {
      return chainId == null ? null : Digest.parse(chainId);
    }
  }

  private final Path dir;
  private final LayerStore layers;
  private final ReentrantLock lock;
  private final Map<String, Rootfs> records = new ConcurrentHashMap<>();

  public RootfsStore(Path dir, LayerStore layers, ReentrantLock lock) throws IOException {
    this.dir = dir;
    this.layers = layers;
    this.lock = lock;
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        try {
          Rootfs r = Json.readTrusted(Files.readAllBytes(p), Rootfs.class);
          records.put(r.key(), r);
        } catch (IOException | RuntimeException e) {
          log.warn("ignoring unreadable rootfs record {}: {}", p, e.toString());
        }
      }
    }
  }

  /**
   * Prepares the writable snapshot {@code key} on top of the layer chain {@code top} (null for an image without
   * layers) and returns how to mount it. Calling it again for the same key returns the same mounts.
   */
  public List<MountSpec> prepare(String key, Digest imageId, Digest top) {
    if (!SAFE_KEY.matcher(key).matches()) {
      throw new InvalidParameterException("invalid container key " + key);
    }
    List<Layer> chain;
    lock.lock();
    try {
      chain = top == null ? List.of() : layers.chain(top);
      Rootfs r = new Rootfs(key, imageId.toString(), top == null ? null : top.toString());
      AtomicFiles.write(dir.resolve(key + ".json"), Json.write(r));
      records.put(key, r);
    } catch (IOException e) {
      throw new SystemException("cannot record rootfs of " + key, e);
    } finally {
      lock.unlock();
    }
    List<Snapshotter.LayerSource> sources = new ArrayList<>();
    for (Layer l : chain) {
      sources.add(new Snapshotter.LayerSource(l.cacheId(), () -> layers.openTar(l)));
    }
    try {
      return layers.snapshotter().prepare(key, sources);
    } catch (IOException e) {
      throw new SystemException("cannot prepare rootfs of " + key, e);
    }
  }

  /** Deletes the snapshot and its record; the runtime must have unmounted it. */
  public void remove(String key) {
    if (!SAFE_KEY.matcher(key).matches()) {
      throw new InvalidParameterException("invalid container key " + key);
    }
    try {
      layers.snapshotter().remove(key);
      lock.lock();
      try {
        Files.deleteIfExists(dir.resolve(key + ".json"));
        records.remove(key);
      } finally {
        lock.unlock();
      }
    } catch (IOException e) {
      throw new SystemException("cannot remove rootfs of " + key, e);
    }
  }

  public Path upperDir(String key) {
    return layers.snapshotter().upperDir(key);
  }

  public Collection<Rootfs> all() {
    return List.copyOf(records.values());
  }
}
