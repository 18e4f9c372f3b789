package dev.berth.storage.image;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.layer.ChainIds;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.layer.LayerStore;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.reference.PathMatch;
import dev.berth.storage.reference.ReferenceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read-only image views: {@code docker images}, {@code image inspect} and {@code history}, as dockerd builds them. */
public final class ImageQueries {
  private static final Set<String> LIST_FILTERS = Set.of("dangling", "label", "before", "since", "reference",
      "until");

  private final ImageLookup lookup;
  private final ImageStore images;
  private final ReferenceStore refs;
  private final LayerStore layers;

  public ImageQueries(ImageLookup lookup, ImageStore images, ReferenceStore refs, LayerStore layers) {
    this.lookup = lookup;
    this.images = images;
    this.refs = refs;
    this.layers = layers;
  }

  /** Total unpacked size of an image's layers. */
  public long size(Image img) {
    return img.topChainId().map(top -> layers.chain(top).stream().mapToLong(Layer::size).sum()).orElse(0L);
  }

  /** {@code GET /images/json} (daemon/images/images.go), newest first. */
  public List<ImageSummary> list(Filters filters, boolean all) {
    filters.validate(LIST_FILTERS);
    boolean danglingOnly = filters.contains("dangling") && filters.getBool("dangling", false);
    Instant before = filters.get("before").stream().map(v -> lookup.get(v).created().orElse(Instant.EPOCH))
        .min(Comparator.naturalOrder()).orElse(null);
    Instant since = filters.get("since").stream().map(v -> lookup.get(v).created().orElse(Instant.EPOCH))
        .max(Comparator.naturalOrder()).orElse(null);
    Instant until = filters.get("until").stream().map(v -> Timestamps.parse(v, Instant.now(),
        java.time.ZoneId.systemDefault())).min(Comparator.naturalOrder()).orElse(null);
    List<ImageSummary> out = new ArrayList<>();
    List<Image> selected = images.all().stream()
        .filter(i -> !danglingOnly || images.children(i.id()).isEmpty()).toList();
    for (Image img : selected) {
      Instant created = img.created().orElse(Instant.EPOCH);
      if ((before != null && !created.isBefore(before)) || (since != null && !created.isAfter(since))
          || (until != null && created.isAfter(until))) {
        continue;
      }
      if (filters.contains("label") && !filters.matchKVList("label", img.labels())) {
        continue;
      }
      List<String> tags = new ArrayList<>();
      List<String> digests = new ArrayList<>();
      for (ImageReference r : refs.references(img.id())) {
        if (filters.contains("reference")
            && filters.get("reference").stream().noneMatch(p -> PathMatch.familiarMatch(p, r))) {
          continue;
        }
        if (r.hasDigest()) {
          digests.add(r.familiarString());
        }
        if (r.hasTag()) {
          tags.add(r.familiarString());
        }
      }
      if (tags.isEmpty() && digests.isEmpty()) {
        if (!all && !images.children(img.id()).isEmpty()) {
          continue;
        }
        if ((filters.contains("dangling") && !danglingOnly) || filters.contains("reference")) {
          continue;
        }
      } else if (danglingOnly && !tags.isEmpty()) {
        continue;
      }
      out.add(summary(img, tags, digests));
    }
    out.sort(Comparator.comparingLong(ImageSummary::created).reversed());
    return out;
  }

  private ImageSummary summary(Image img, List<String> tags, List<String> digests) {
    return new ImageSummary(img.id().toString(), images.parent(img.id()).map(Digest::toString).orElse(""),
        List.copyOf(tags), List.copyOf(digests), img.created().map(Instant::getEpochSecond).orElse(0L),
        size(img), -1, img.config().config() == null ? null : img.config().config().labels(), -1);
  }

  /** {@code GET /images/{name}/json}. */
  public ImageDetails inspect(String refOrId) {
    Image img = lookup.get(refOrId);
    List<String> tags = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    for (ImageReference r : refs.references(img.id())) {
      if (r.hasTag()) {
        tags.add(r.familiarString());
      }
      if (r.hasDigest()) {
        digests.add(r.familiarString());
      }
    }
    Map<String, String> driverData = Map.of();
    if (img.topChainId().isPresent()) {
      List<Layer> chain = layers.chain(img.topChainId().get());
      List<String> below = chain.subList(0, chain.size() - 1).stream().map(Layer::cacheId).toList();
      driverData = layers.snapshotter().layerData(chain.get(chain.size() - 1).cacheId(), below);
    }
    return new ImageDetails(img, tags, digests, images.parent(img.id()).map(Digest::toString).orElse(""),
        size(img), images.lastUpdated(img.id()), layers.snapshotter().driverName(), driverData);
  }

  /** {@code GET /images/{name}/history} (daemon/images/image_history.go). */
  public List<HistoryItem> history(String refOrId) {
    Image img = lookup.get(refOrId);
    List<Digest> diffIds = img.diffIds();
    List<Digest> chain = ChainIds.of(diffIds);
    List<HistoryItem> rows = new ArrayList<>();
    int layer = 0;
    for (HistoryEntry h : img.history()) {
      long size = 0;
      if (!h.emptyLayer()) {
        if (layer >= diffIds.size()) {
          throw new dev.berth.api.errors.SystemException("too many non-empty layers in History section");
        }
        size = layers.get(chain.get(layer)).map(Layer::size).orElse(0L);
        layer++;
      }
      long created = GoTime.parse(h.created()).map(Instant::getEpochSecond).orElse(0L);
      rows.add(0, new HistoryItem("<missing>", created, nullToEmpty(h.createdBy()), null, size,
          nullToEmpty(h.comment())));
    }
    Optional<Image> cur = Optional.of(img);
    for (int i = 0; i < rows.size() && cur.isPresent(); i++) {
      Image c = cur.get();
      List<String> tags = refs.references(c.id()).stream().filter(ImageReference::hasTag)
          .map(ImageReference::familiarString).toList();
      HistoryItem r = rows.get(i);
      rows.set(i, new HistoryItem(c.id().toString(), r.created(), r.createdBy(), tags.isEmpty() ? null : tags,
          r.size(), r.comment()));
      cur = images.parent(c.id()).flatMap(images::get);
    }
    return rows;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
