package dev.berth.daemon.build;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.storage.image.HistoryEntry;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageConfig;
import dev.berth.storage.image.ImageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --cache-from} (moby {@code image/cache.ImageCache}): when the local cache misses, a step is taken from a
 * source image whose history starts with the current image's history and layers and whose next history entry is
 * the step's history line. The source's intermediate states are restored as images; once a source matched, only
 * it is used for the rest of the build. Sources that do not exist are skipped, as dockerd does.
 */
final class CacheSources {
  private final ImageService images;
  private final ImageCommitter committer;
  private List<Image> sources;

  CacheSources(ImageService images, ImageCommitter committer, List<String> refs) {
    this.images = images;
    this.committer = committer;
    this.sources = new ArrayList<>();
    for (String ref : refs) {
      try {
        sources.add(images.get(ref));
      } catch (NotFoundException e) {
        // moby: "Could not look up <ref> for cache resolution, skipping"
      }
    }
  }

  boolean isEmpty() {
    return sources.isEmpty();
  }

  /** The image for the step {@code createdBy} on top of {@code parent}, when a source has it. */
  Optional<Image> probe(Image parent, String createdBy, ContainerConfig config) {
    List<HistoryEntry> parentHistory = history(parent);
    int index = parentHistory.size();
    for (Image source : sources) {
      List<HistoryEntry> h = history(source);
      if (!isValidParent(source, parent) || h.size() <= index || !createdBy.equals(h.get(index).createdBy())) {
        continue;
      }
      sources = List.of(source);
      if (h.size() - 1 == index) {
        if (parent != null) {
          images.imageStore().setParent(source.id(), parent.id());
        }
        return Optional.of(source);
      }
      return Optional.of(committer.restore(parent, source, index, config));
    }
    return Optional.empty();
  }

  /** moby {@code isValidParent}: the parent's history and layers are a prefix of the source's. */
  static boolean isValidParent(Image source, Image parent) {
    List<HistoryEntry> sh = history(source);
    if (sh.isEmpty()) {
      return false;
    }
    List<HistoryEntry> ph = history(parent);
    List<String> pd = diffIds(parent);
    if (ph.isEmpty() && pd.isEmpty()) {
      return true;
    }
    List<String> sd = diffIds(source);
    return ph.size() < sh.size() && pd.size() <= sd.size() && sh.subList(0, ph.size()).equals(ph)
        && sd.subList(0, pd.size()).equals(pd);
  }

  private static List<HistoryEntry> history(Image img) {
    ImageConfig c = img == null ? null : img.config();
    return c == null || c.history() == null ? List.of() : c.history();
  }

  private static List<String> diffIds(Image img) {
    ImageConfig c = img == null ? null : img.config();
    return c == null || c.rootfs() == null || c.rootfs().diffIds() == null ? List.of() : c.rootfs().diffIds();
  }
}
