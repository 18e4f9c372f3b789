package dev.berth.daemon.image;

import dev.berth.daemon.events.EventBus;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageEventListener;
import dev.berth.storage.image.ImageService;
import java.util.HashMap;
import java.util.Map;

/**
 * Image events as dockerd's {@code LogImageEvent} publishes them: type {@code image}, the image's labels (while it
 * still exists) plus {@code name}. Storage reports tag/untag/delete/import/load/save; pull and push come from the
 * operations here.
 */
final class ImageEvents implements ImageEventListener {
  private final EventBus bus;
  private volatile ImageService images;

  ImageEvents(EventBus bus) {
    this.bus = bus;
  }

  /** Connects the image lookup for labels once storage is open. */
  void attach(ImageService service) {
    this.images = service;
  }

  @Override
  public void imageEvent(String action, String imageId, String name) {
    Map<String, String> attrs = new HashMap<>();
    ImageService svc = images;
    if (svc != null) {
      try {
        Image img = svc.get(imageId);
        img.labels().forEach((k, v) -> {
          if (k != null && v != null) {
            attrs.put(k, v);
          }
        });
      } catch (RuntimeException gone) {
        // a deleted image has no labels any more
      }
    }
    if (name != null && !name.isEmpty()) {
      attrs.put("name", name);
    }
    bus.publish("image", action, imageId, attrs);
  }

  /** dockerd's {@code prune} event after an image prune: no actor, the reclaimed bytes. */
  void pruned(long reclaimed) {
    bus.publish("image", "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
  }
}
