package dev.berth.storage.image;

import dev.berth.api.errors.EngineException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.layer.LayerStore;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.reference.ReferenceStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docker image prune} (daemon/images/image_prune.go): dangling images by default, all unused ones with
 * {@code dangling=false}; {@code until} and {@code label}/{@code label!} filters. Conflicts (images in use) are
 * skipped silently, like dockerd.
 */
public final class ImagePruner {
  private static final Logger log = LoggerFactory.getLogger(ImagePruner.class);
  private static final Set<String> ACCEPTED = Set.of("dangling", "label", "label!", "until");

  /** {@code ImagesDeleted} and {@code SpaceReclaimed}. */
  public record PruneReport(List<ImageDeleteItem> imagesDeleted, long spaceReclaimed) {}

  private final ImageStore images;
  private final ReferenceStore refs;
  private final LayerStore layers;
  private final ImageDeleter deleter;

  public ImagePruner(ImageStore images, ReferenceStore refs, LayerStore layers, ImageDeleter deleter) {
    this.images = images;
    this.refs = refs;
    this.layers = layers;
    this.deleter = deleter;
  }

  public PruneReport prune(Filters filters) {
    filters.validate(ACCEPTED);
    boolean danglingOnly = filters.getBool("dangling", true);
    Instant until = filters.get("until").stream()
        .map(v -> Timestamps.parse(v, Instant.now(), ZoneId.systemDefault())).findFirst().orElse(null);
    Map<Digest, Layer> layerSnapshot = new HashMap<>();
    layers.all().forEach(l -> layerSnapshot.put(l.chainId(), l));
    List<Image> candidates = new ArrayList<>();
    for (Image img : images.all()) {
      if (danglingOnly && !images.children(img.id()).isEmpty()) {
        continue;
      }
      if (refs.references(img.id()).isEmpty() && !images.children(img.id()).isEmpty()) {
        continue;
      }
      if (until != null && (img.created().isEmpty() || img.created().get().isAfter(until))) {
        continue;
      }
      if (!filters.matchLabels(img.labels())) {
        continue;
      }
      candidates.add(img);
    }
    List<ImageDeleteItem> deleted = new ArrayList<>();
    for (Image img : candidates) {
      List<ImageReference> imgRefs = refs.references(img.id());
      if (!imgRefs.isEmpty()) {
        boolean shouldDelete = !danglingOnly || imgRefs.stream().noneMatch(ImageReference::hasTag);
        if (shouldDelete) {
          for (ImageReference r : imgRefs) {
            deleted.addAll(tryDelete(r.toString()));
          }
        }
      } else {
        deleted.addAll(tryDelete(img.id().hex()));
      }
    }
    long reclaimed = 0;
    for (ImageDeleteItem d : deleted) {
      if (d.deleted() != null) {
        Layer l = layerSnapshot.get(Digest.parse(d.deleted()));
        if (l != null) {
          reclaimed += l.size();
        }
      }
    }
    return new PruneReport(deleted, reclaimed);
  }

  private List<ImageDeleteItem> tryDelete(String ref) {
    try {
      return deleter.delete(ref, false, true);
    } catch (EngineException e) {
      log.debug("prune: not deleting {}: {}", ref, e.getMessage());
      return List.of();
    }
  }
}
