package dev.berth.storage.layer;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.content.ContentStore;
import dev.berth.storage.content.DigestMismatchException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.digest.DigestingInputStream;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.gc.Lease;
import dev.berth.storage.json.Json;
import dev.berth.storage.oci.Descriptor;
import dev.berth.storage.oci.MediaTypes;
import dev.berth.storage.tar.Compression;
import dev.berth.storage.tar.GoTarErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only layers keyed by chain ID (moby's layer store). Each layer's tar is kept in the content store as
 * received and unpacked once by the {@link Snapshotter}. The metadata file {@code <dir>/<chain hex>.json} is
 * written last and is the commit point: after a crash, unpacked dirs without metadata are orphans that garbage
 * collection removes. Unpacking runs without the lock; only the commit takes it.
 */
public final class LayerStore {
  private static final Logger log = LoggerFactory.getLogger(LayerStore.class);

  private final Path dir;
  private final ContentStore content;
  private final Snapshotter snapshotter;
  private final ReentrantLock lock;
  private final Map<Digest, Layer> layers = new ConcurrentHashMap<>();

  public LayerStore(Path dir, ContentStore content, Snapshotter snapshotter, ReentrantLock lock)
      throws IOException {
    this.dir = dir;
    this.content = content;
    this.snapshotter = snapshotter;
    this.lock = lock;
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        try {
          Layer l = Json.readTrusted(Files.readAllBytes(p), LayerFile.class).toLayer();
          layers.put(l.chainId(), l);
        } catch (IOException | RuntimeException e) {
          log.warn("ignoring unreadable layer metadata {}: {}", p, e.toString());
        }
      }
    }
  }

  public Snapshotter snapshotter() {
    return snapshotter;
  }

  public Optional<Layer> get(Digest chainId) {
    return Optional.ofNullable(layers.get(chainId));
  }

  public boolean exists(Digest chainId) {
    return layers.containsKey(chainId);
  }

  /** A layer with this diff ID (any parent): its stored tar is the same, for save and push. */
  public Optional<Layer> byDiffId(Digest diffId) {
    return layers.values().stream().filter(l -> l.diffId().equals(diffId)).findFirst();
  }

  public Collection<Layer> all() {
    return List.copyOf(layers.values());
  }

  /** The layers of a chain, bottom first. */
  public List<Layer> chain(Digest top) {
    List<Layer> out = new ArrayList<>();
    for (Digest c = top; c != null; ) {
      Layer l = layers.get(c);
      if (l == null) {
        throw new NotFoundException("layer does not exist: " + c);
      }
      out.add(l);
      c = l.parent();
    }
    Collections.reverse(out);
    return out;
  }

  /**
   * Registers a layer from a tar stream (gzip, zstd, bzip2 or plain; import and load). The uncompressed bytes are
   * stored as the layer's blob, so the blob digest is the diff ID and save can write them back byte for byte.
   *
   * @param expectedDiffId checked when not null ({@link DigestMismatchException})
   * @param lease protects the new layer from garbage collection until the caller's image exists (may be null)
   */
  public Layer register(InputStream tar, Digest parent, Digest expectedDiffId, Lease lease) throws IOException {
    List<String> parentIds = parentIds(parent);
    String cacheId = newCacheId();
    try (InputStream plain = GoTarErrors.checkFirstBlock(Compression.decompress(tar));
        ContentStore.Writer w = content.open()) {
      TeeInputStream tee = new TeeInputStream(plain, w);
      long size = snapshotter.unpack(cacheId, parentIds, tee);
      tee.drain();
      Digest diffId;
      try {
        diffId = w.commit(expectedDiffId);
      } catch (IOException | RuntimeException e) {
        snapshotter.removeLayer(cacheId);
        throw e;
      }
      if (lease != null) {
        lease.protect(diffId);
      }
      Descriptor blob = Descriptor.of(MediaTypes.OCI_LAYER, diffId, w.size());
      return commit(new Layer(ChainIds.next(parent, diffId), diffId, parent, cacheId, size, w.size(), blob),
          lease);
    } catch (IOException e) {
      removeQuietly(cacheId);
      String go = GoTarErrors.translate(e);
      if (go != null) {
        throw new SystemException(go, e);
      }
      throw e;
    } catch (RuntimeException e) {
      removeQuietly(cacheId);
      throw e;
    }
  }

  /**
   * Registers a layer whose blob is already in the content store (a pull): the blob is decompressed, unpacked and
   * its diff ID computed.
   */
  public Layer registerBlob(Descriptor blob, Digest parent, Digest expectedDiffId, Lease lease) throws IOException {
    List<String> parentIds = parentIds(parent);
    Path file = content.path(blob.digestValue())
        .orElseThrow(() -> new NotFoundException("blob not found in content store: " + blob.digest()));
    String cacheId = newCacheId();
    try (DigestingInputStream plain = new DigestingInputStream(Compression.decompress(Files.newInputStream(file)))) {
      long size = snapshotter.unpack(cacheId, parentIds, plain);
      plain.drain();
      Digest diffId = plain.digest();
      if (expectedDiffId != null && !expectedDiffId.equals(diffId)) {
        throw new DigestMismatchException(expectedDiffId, diffId);
      }
      return commit(new Layer(ChainIds.next(parent, diffId), diffId, parent, cacheId, size, plain.count(), blob),
          lease);
    } catch (IOException | RuntimeException e) {
      removeQuietly(cacheId);
      throw e;
    }
  }

  /** The layer's uncompressed tar, exactly as it was received. */
  public InputStream openTar(Layer l) throws IOException {
    Path file = content.path(l.blob().digestValue())
        .orElseThrow(() -> new SystemException("blob of layer " + l.chainId() + " is missing"));
    return Compression.decompress(Files.newInputStream(file));
  }

  /** Removes a layer's metadata and files; garbage collection only (the caller holds the store lock). */
  public void delete(Layer l) throws IOException {
    Files.deleteIfExists(file(l.chainId()));
    layers.remove(l.chainId());
    AtomicFiles.fsyncDirectory(dir);
    snapshotter.removeLayer(l.cacheId());
  }

  /**
   * The snapshotter's layer ids that have no metadata (crash leftovers). Container snapshots (which the overlay
   * snapshotter keeps next to the layers) are never orphans here.
   */
  public List<String> orphanedLayerDirs() throws IOException {
    List<String> known = layers.values().stream().map(Layer::cacheId).toList();
    java.util.Set<String> snapshots = snapshotter.keys();
    return snapshotter.layerIds().stream().filter(id -> !known.contains(id) && !snapshots.contains(id)).toList();
  }

  private Layer commit(Layer candidate, Lease lease) throws IOException {
    lock.lock();
    try {
      Layer existing = layers.get(candidate.chainId());
      if (existing != null) {
        removeQuietly(candidate.cacheId());
        protect(lease, existing);
        return existing;
      }
      if (candidate.parent() != null && !layers.containsKey(candidate.parent())) {
        throw new NotFoundException("layer does not exist: " + candidate.parent());
      }
      AtomicFiles.write(file(candidate.chainId()), Json.write(LayerFile.of(candidate)));
      layers.put(candidate.chainId(), candidate);
      protect(lease, candidate);
      return candidate;
    } finally {
      lock.unlock();
    }
  }

  private static void protect(Lease lease, Layer l) {
    if (lease != null) {
      lease.protect(l.chainId());
      lease.protect(l.blob().digestValue());
    }
  }

  private List<String> parentIds(Digest parent) {
    if (parent == null) {
      return List.of();
    }
    return chain(parent).stream().map(Layer::cacheId).toList();
  }

  private void removeQuietly(String cacheId) {
    try {
      snapshotter.removeLayer(cacheId);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot remove unpacked layer {}: {}", cacheId, e.toString());
    }
  }

  private Path file(Digest chainId) {
    return dir.resolve(chainId.hex() + ".json");
  }

  private static String newCacheId() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  /** Copies everything read into a content writer. */
  private static final class TeeInputStream extends dev.berth.storage.digest.ObservedInputStream {
    private final ContentStore.Writer sink;

    TeeInputStream(InputStream in, ContentStore.Writer sink) {
      super(in);
      this.sink = sink;
    }

    @Override
    protected void observe(byte[] b, int off, int len) throws IOException {
      sink.write(b, off, len);
    }
  }
}
