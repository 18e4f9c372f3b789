package dev.berth.daemon.build;

import dev.berth.api.errors.SystemException;
import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.storage.gc.Lease;
import dev.berth.storage.image.HistoryEntry;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageConfig;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.image.RootFs;
import dev.berth.storage.json.Json;
import dev.berth.storage.layer.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a build step into a new image on top of the previous one (moby {@code CommitBuildStep}): with a layer
 * (RUN, COPY, ADD) or without one (metadata instructions: an {@code empty_layer} history entry). Every step's
 * image records its parent, as dockerd's intermediate images do.
 */
final class ImageCommitter {
  private final ImageService images;
  private final String dockerVersion;

  ImageCommitter(ImageService images, String dockerVersion) {
    this.images = images;
    this.dockerVersion = dockerVersion;
  }

  /** A new image whose config is {@code config}, without a new layer; {@code author} is the MAINTAINER or "". */
  Image commitEmpty(Image parent, ContainerConfig config, String createdBy, String author) {
    String created = GoTime.rfc3339Nano(Instant.now());
    return create(parent, config, new HistoryEntry(created, emptyToNull(author), createdBy, null, true), author,
        null);
  }

  /** A new image with {@code layerTar} (an uncompressed layer diff) on top of {@code parent}'s layers. */
  Image commitLayer(Image parent, ContainerConfig config, String createdBy, String author, InputStream layerTar) {
    try (Lease lease = images.leases().open()) {
      Layer layer = images.layerStore().register(layerTar,
          parent == null ? null : parent.topChainId().orElse(null), null, lease);
      String created = GoTime.rfc3339Nano(Instant.now());
      return create(parent, config, new HistoryEntry(created, emptyToNull(author), createdBy, null, false),
          author, layer.diffId().toString());
    } catch (IOException e) {
      throw new SystemException("failed to commit build step: " + e.getMessage(), e);
    }
  }

  /**
   * A step taken from a {@code --cache-from} image (moby {@code restoreCachedImage}): {@code parent} plus the
   * source's history entry {@code index} and, unless that entry is an empty layer, the source's matching layer
   * (already in the layer store, as the source image uses it).
   */
  Image restore(Image parent, Image source, int index, ContainerConfig config) {
    ImageConfig sc = source.config();
    HistoryEntry h = sc.history().get(index);
    String diffId = null;
    if (!h.emptyLayer()) {
      int layer = (int) sc.history().subList(0, index).stream().filter(e -> !e.emptyLayer()).count();
      diffId = sc.rootfs().diffIds().get(layer);
    }
    return create(parent, config, h, sc.author(), diffId);
  }

  /**
   * The {@code container_config} dockerd's classic builder records: the step's run config with the step's
   * command ({@code [/bin/sh -c #(nop)  ENV A=1]}); API clients below 1.45 read it (docker-compose v1 takes the
   * image's volumes from {@code ContainerConfig.Volumes}).
   */
  static ContainerConfig stepConfig(ContainerConfig config, String createdBy) {
    ContainerConfig.Builder b = config.toBuilder();
    List<String> shell = config.shell() == null || config.shell().isEmpty() ? List.of("/bin/sh", "-c")
        : config.shell();
    String prefix = String.join(" ", shell) + " ";
    List<String> cmd = new ArrayList<>();
    if (createdBy.startsWith(prefix)) {
      cmd.addAll(shell);
      cmd.add(createdBy.substring(prefix.length()));
    } else {
      cmd.add(createdBy);
    }
    b.cmd = cmd;
    return b.build();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private Image create(Image parent, ContainerConfig config, HistoryEntry step, String author, String newDiffId) {
    ImageConfig pc = parent == null ? null : parent.config();
    List<String> diffIds = new ArrayList<>();
    if (pc != null && pc.rootfs() != null && pc.rootfs().diffIds() != null) {
      diffIds.addAll(pc.rootfs().diffIds());
    }
    if (newDiffId != null) {
      diffIds.add(newDiffId);
    }
    List<HistoryEntry> history = new ArrayList<>();
    if (pc != null && pc.history() != null) {
      history.addAll(pc.history());
    }
    history.add(step);
    ImageConfig ic = new ImageConfig(parent == null ? null : parent.id().toString(), null, step.created(), null,
        stepConfig(config, step.createdBy()), dockerVersion, emptyToNull(author), config, pc == null || pc.architecture() == null ? "amd64" : pc.architecture(),
        pc == null ? null : pc.variant(), pc == null || pc.os() == null ? "linux" : pc.os(),
        RootFs.layers(diffIds), history, pc == null ? null : pc.osVersion());
    Image img = images.createImage(Json.write(ic), List.of());
    if (parent != null) {
      images.imageStore().setParent(img.id(), parent.id());
    }
    return img;
  }
}
