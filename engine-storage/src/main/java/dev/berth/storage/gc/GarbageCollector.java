package dev.berth.storage.gc;

import dev.berth.api.errors.SystemException;
import dev.berth.storage.content.FileContentStore;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageStore;
import dev.berth.storage.layer.ChainIds;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.layer.LayerStore;
import dev.berth.storage.layer.RootfsStore;
import dev.berth.storage.reference.ReferenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mark and sweep over the stores: a layer lives while an image's chain or a container's rootfs includes it or a
 * lease protects it; a blob lives while a layer, an image ID, a repository digest or a lease names it. Blobs that
 * no one names are only removed once older than a grace period (a pull may be between writing a blob and
 * registering its layer), except at startup, when no operation can be in flight.
 */
public final class GarbageCollector {
  private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);

  /** What a collection removed. */
  public record Report(List<Digest> layersRemoved, long layerBytesFreed, int blobsRemoved) {}

  private final ReentrantLock lock;
  private final ImageStore images;
  private final ReferenceStore refs;
  private final LayerStore layers;
  private final RootfsStore rootfs;
  private final FileContentStore content;
  private final Leases leases;
  private final Duration blobGrace;

  public GarbageCollector(ReentrantLock lock, ImageStore images, ReferenceStore refs, LayerStore layers,
      RootfsStore rootfs, FileContentStore content, Leases leases, Duration blobGrace) {
    this.lock = lock;
    this.images = images;
    this.refs = refs;
    this.layers = layers;
    this.rootfs = rootfs;
    this.content = content;
    this.leases = leases;
    this.blobGrace = blobGrace;
  }

  /**
   * After an image was deleted: removes the layers of {@code chain} (top first) that nothing uses any more and
   * returns them, as moby's {@code layerStore.Release} does. The caller holds the store lock.
   */
  public List<Layer> releaseChain(List<Digest> diffIds) {
    Set<Digest> live = liveLayers();
    List<Digest> chain = new ArrayList<>(ChainIds.of(diffIds));
    List<Layer> removed = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Digest c = chain.get(i);
      if (live.contains(c)) {
        break;
      }
      Optional<Layer> l = layers.get(c);
      if (l.isEmpty()) {
        continue;
      }
      try {
        layers.delete(l.get());
        removed.add(l.get());
      } catch (IOException e) {
        throw new SystemException("cannot remove layer " + c, e);
      }
    }
    sweepBlobs(false, removed.stream().map(l -> l.blob().digestValue()).toList());
    return removed;
  }

  /** A full collection; {@code startup} also removes recent unreferenced blobs and orphaned layer dirs. */
  public Report collect(boolean startup) {
    lock.lock();
    try {
      Set<Digest> live = liveLayers();
      List<Digest> removed = new ArrayList<>();
      List<Digest> removedBlobs = new ArrayList<>();
      long freed = 0;
      boolean progress = true;
      while (progress) {               // remove tops first so parents become unreferenced in turn
        progress = false;
        Set<Digest> parents = new HashSet<>();
        layers.all().forEach(l -> {
          if (l.parent() != null) {
            parents.add(l.parent());
          }
        });
        for (Layer l : layers.all()) {
          if (!live.contains(l.chainId()) && !parents.contains(l.chainId())) {
            layers.delete(l);
            removed.add(l.chainId());
            removedBlobs.add(l.blob().digestValue());
            freed += l.size();
            progress = true;
          }
        }
      }
      if (startup) {
        for (String orphan : layers.orphanedLayerDirs()) {
          log.info("removing orphaned layer directory {}", orphan);
          layers.snapshotter().removeLayer(orphan);
        }
      }
      int blobs = sweepBlobs(startup, removedBlobs);
      return new Report(removed, freed, blobs);
    } catch (IOException e) {
      throw new SystemException("garbage collection failed", e);
    } finally {
      lock.unlock();
    }
  }

  private Set<Digest> liveLayers() {
    Set<Digest> live = new HashSet<>(leases.protectedDigests());
    for (Image img : images.all()) {
      live.addAll(ChainIds.of(img.diffIds()));
    }
    for (RootfsStore.Rootfs r : rootfs.all()) {
      Digest top = r.chainIdValue();
      while (top != null && live.add(top)) {
        top = layers.get(top).map(Layer::parent).orElse(null);
      }
    }
    return live;
  }

  /** Removes unreferenced blobs: those of just-removed layers at once, unknown ones after the grace period. */
  private int sweepBlobs(boolean all, List<Digest> ofRemovedLayers) {
    Set<Digest> live = new HashSet<>(leases.protectedDigests());
    layers.all().forEach(l -> live.add(l.blob().digestValue()));
    images.all().forEach(i -> live.add(i.id()));
    refs.all().forEach(a -> {
      if (a.ref().hasDigest()) {
        live.add(a.ref().digest());
      }
    });
    Instant cutoff = Instant.now().minus(blobGrace);
    int removed = 0;
    try {
      for (Digest d : content.list().toList()) {
        if (live.contains(d)) {
          continue;
        }
        Optional<Path> p = content.path(d);
        if (p.isEmpty()) {
          continue;
        }
        boolean young = Files.getLastModifiedTime(p.get()).toInstant().isAfter(cutoff);
        if (!all && young && !ofRemovedLayers.contains(d)) {
          continue;
        }
        content.delete(d);
        removed++;
      }
    } catch (IOException e) {
      log.warn("blob garbage collection incomplete: {}", e.toString());
    }
    return removed;
  }
}
