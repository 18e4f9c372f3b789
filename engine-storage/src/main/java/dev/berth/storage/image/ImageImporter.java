package dev.berth.storage.image;

import dev.berth.api.errors.SystemException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.storage.changes.ChangeParser;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.gc.Lease;
import dev.berth.storage.gc.Leases;
import dev.berth.storage.json.Json;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.layer.LayerStore;
import dev.berth.storage.oci.Platform;
import dev.berth.storage.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code docker import} (daemon/images/image_import.go): one layer from a tar (any compression), a config built
 * from {@code changes} on an empty config, one history entry whose comment is the message.
 */
public final class ImageImporter {
  private final ImageStore images;
  private final LayerStore layers;
  private final Leases leases;
  private final ImageTagger tagger;
  private final ImageEventListener events;
  private final Clock clock;
  private final String dockerVersion;

  public ImageImporter(ImageStore images, LayerStore layers, Leases leases, ImageTagger tagger,
      ImageEventListener events, Clock clock, String dockerVersion) {
    this.images = images;
    this.layers = layers;
    this.leases = leases;
    this.tagger = tagger;
    this.events = events;
    this.clock = clock;
    this.dockerVersion = dockerVersion;
  }

  public Digest importImage(InputStream tar, ImportOptions o) {
    ImageReference ref = ImageTagger.repoTagReference(o.repo(), o.tag());
    ContainerConfig config = ChangeParser.apply(ContainerConfig.empty(), o.changes());
    String comment = o.message() == null || o.message().isEmpty() ? "Imported from " + o.source() : o.message();
    Platform platform = o.platform() != null ? o.platform() : Platform.host();
    try (Lease lease = leases.open()) {
      Layer layer = layers.register(tar, null, null, lease);
      String created = GoTime.format(clock.instant());
      ImageConfig img = new ImageConfig(null, comment, created, null, null, dockerVersion, null, config,
          platform.architecture(), platform.variant(), platform.os(),
          RootFs.layers(List.of(layer.diffId().toString())),
          List.of(new HistoryEntry(created, null, null, comment, false)), null);
      Image image;
      images.lock().lock();        // create and tag together: a concurrent prune must not see it dangling
      try {
        image = images.create(Json.write(img));
        if (ref != null) {
          tagger.tagImage(image.id(), ref);
        }
      } finally {
        images.lock().unlock();
      }
      events.imageEvent("import", image.id().toString(), image.id().toString());
      return image.id();
    } catch (IOException e) {
      throw new SystemException("import failed: " + e.getMessage(), e);
    }
  }
}
