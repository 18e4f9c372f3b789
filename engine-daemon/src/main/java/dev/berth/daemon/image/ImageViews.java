package dev.berth.daemon.image;

import dev.berth.api.model.GoTime;
import dev.berth.api.model.image.HistoryResponseItem;
import dev.berth.api.model.image.ImageConfig;
import dev.berth.api.model.image.ImageDeleteResponseItem;
import dev.berth.api.model.image.ImageInspectResponse;
import dev.berth.api.model.image.ImageSummary;
import dev.berth.api.model.storage.DriverData;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.image.HistoryItem;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageDeleteItem;
import dev.berth.storage.image.ImageDetails;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.layer.Layer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Storage records → the wire records of the image endpoints (moby {@code daemon/images} + router shaping). */
final class ImageViews {
  private final ImageService images;
  private final ContainerUsage users;

  ImageViews(ImageService images, ContainerUsage users) {
    this.images = images;
    this.users = users;
  }

  /** Counts, per layer chain ID, how many images use the layer (for {@code SharedSize}). */
  Map<Digest, Integer> layerUse() {
    Map<Digest, Integer> use = new HashMap<>();
    for (Image img : images.imageStore().all()) {
      img.topChainId().ifPresent(top -> images.layerStore().chain(top)
          .forEach(l -> use.merge(l.chainId(), 1, Integer::sum)));
    }
    return use;
  }

  ImageSummary summary(dev.berth.storage.image.ImageSummary s, Map<Digest, Integer> layerUse,
      boolean containerCount) {
    long shared = -1;
    if (layerUse != null) {
      shared = 0;
      for (Layer l : chain(s.id())) {
        if (layerUse.getOrDefault(l.chainId(), 0) > 1) {
          shared += l.size();
        }
      }
    }
    long containers = containerCount ? users.get().containersUsing(s.id()).size() : -1;
    return new ImageSummary(containers, s.created(), s.id(), s.labels(), s.parentId(), null, null,
        s.repoDigests(), s.repoTags(), shared, s.size(), 0);
  }

  List<Layer> chain(String imageId) {
    return images.imageStore().get(Digest.parse(imageId)).flatMap(Image::topChainId)
        .map(top -> images.layerStore().chain(top)).orElse(List.of());
  }

  static ImageInspectResponse inspect(ImageDetails d) {
    Image img = d.image();
    var cfg = img.config();
    var c = cfg.config();
    ImageConfig config = c == null ? new ImageConfig(null, null, null, null, null, null, null, null, null, false,
        null, null, null) : ImageConfig.of(c);
    String created = img.created().map(GoTime::rfc3339Nano).orElse(null);
    return new ImageInspectResponse(img.id().toString(), d.repoTags(), d.repoDigests(), d.parent(),
        nullToEmpty(cfg.comment()), created, cfg.container(), cfg.containerConfig(), nullToEmpty(cfg.dockerVersion()),
        nullToEmpty(cfg.author()), config, nullToEmpty(cfg.architecture()), cfg.variant(), img.os(),
        cfg.osVersion(), d.size(), 0, DriverData.of(d.graphDriverName(), d.graphDriverData()),
        new ImageInspectResponse.RootFS("layers", img.diffIds().stream().map(Digest::toString).toList()),
        new ImageInspectResponse.Metadata(d.lastTagTime().map(GoTime::rfc3339Nano).orElse(GoTime.ZERO)), null,
        null);
  }

  static HistoryResponseItem history(HistoryItem h) {
    return new HistoryResponseItem(h.comment(), h.created(), h.createdBy(), h.id(), h.size(), h.tags());
  }

  static ImageDeleteResponseItem deleteItem(ImageDeleteItem d) {
    return new ImageDeleteResponseItem(d.deleted(), d.untagged());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
