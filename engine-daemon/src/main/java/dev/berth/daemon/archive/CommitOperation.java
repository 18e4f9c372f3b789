package dev.berth.daemon.archive;

import dev.berth.api.backend.ArchiveBackend.CommitOptions;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.daemon.container.ContainerFiles;
import dev.berth.daemon.container.ContainerRecord;
import dev.berth.storage.changes.ChangeParser;
import dev.berth.storage.gc.Lease;
import dev.berth.storage.image.HistoryEntry;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageConfig;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.image.ImageTagger;
import dev.berth.storage.image.RootFs;
import dev.berth.storage.json.Json;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.tar.LayerDiffWriter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker commit} (moby {@code CreateImageFromContainer} + {@code CommitImage}): the upper dir becomes a
 * layer on top of the container's image, the config is the request's (or the container's) with the changes
 * applied and merged with the container's, plus a history entry; the image's parent is the container's image.
 */
final class CommitOperation {
  private final ContainerFiles containers;
  private final ImageService images;
  private final LayerDiffWriter diffs;
  private final String dockerVersion;

  CommitOperation(ContainerFiles containers, ImageService images, LayerDiffWriter diffs, String dockerVersion) {
    this.containers = containers;
    this.images = images;
    this.diffs = diffs;
    this.dockerVersion = dockerVersion;
  }

  String commit(CommitOptions o) throws IOException {
    ContainerRecord r = containers.record(o.container());
    ImageReference ref = reference(o.repo(), o.tag());
    ContainerConfig base = o.config() != null ? o.config() : r.config();
    ContainerConfig config = ContainerFiles.merge(ChangeParser.apply(base, o.changes()), r.config());
    boolean paused = false;
    if (o.pause() && r.state().status() == dev.berth.daemon.container.ContainerStatus.RUNNING) {
      containers.pause(r.id());
      paused = true;
    }
    Image img;
    try {
      img = create(r, config, o, ref);
    } finally {
      if (paused) {
        containers.unpause(r.id());
      }
    }
    String id = img.id().toString();
    containers.event(r, "commit", Map.of("comment", o.comment() == null ? "" : o.comment(), "imageID", id,
        "imageRef", ref == null ? "" : ref.familiarString()));
    return id;
  }

  private Image create(ContainerRecord r, ContainerConfig config, CommitOptions o, ImageReference ref)
      throws IOException {
    Image parent = images.imageStore().get(dev.berth.storage.digest.Digest.parse(r.image()))
        .orElse(null);
    ImageConfig pc = parent == null ? null : parent.config();
    try (Lease lease = images.leases().open()) {
      Layer layer = register(r.id(), parent, lease);
      List<String> diffIds = new ArrayList<>();
      if (pc != null && pc.rootfs() != null && pc.rootfs().diffIds() != null) {
        diffIds.addAll(pc.rootfs().diffIds());
      }
      diffIds.add(layer.diffId().toString());
      String created = GoTime.rfc3339Nano(Instant.now());
      List<HistoryEntry> history = new ArrayList<>();
      if (pc != null && pc.history() != null) {
        history.addAll(pc.history());
      }
      String cmd = r.config().cmd() == null ? "" : String.join(" ", r.config().cmd());
      history.add(new HistoryEntry(created, o.author(), cmd, o.comment(), false));
      ImageConfig ic = new ImageConfig(null, o.comment(), created, r.id(), r.config(), dockerVersion, o.author(),
          config, pc == null ? "amd64" : pc.architecture(), pc == null ? null : pc.variant(),
          pc == null || pc.os() == null ? "linux" : pc.os(), RootFs.layers(diffIds), history,
          pc == null ? null : pc.osVersion());
      Image img = images.createImage(Json.write(ic), ref == null ? List.of() : List.of(ref));
      if (parent != null) {
        images.imageStore().setParent(img.id(), parent.id());
      }
      return img;
    }
  }

  /** Streams the upper dir as a layer tar into the layer store. */
  private Layer register(String containerId, Image parent, Lease lease) throws IOException {
    try (InputStream in = diffs.stream(images.upperDir(containerId), LayerDiffWriter.CONTAINER_MOUNT_POINTS,
        "commit-" + containerId.substring(0, 12))) {
      return images.layerStore().register(in, parent == null ? null : parent.topChainId().orElse(null), null,
          lease);
    } catch (IOException | RuntimeException e) {
      throw new SystemException("cannot commit container " + containerId + ": " + e.getMessage(), e);
    }
  }

  private static ImageReference reference(String repo, String tag) {
    if (repo == null || repo.isEmpty()) {
      return null;
    }
    ImageReference ref;
    try {
      ref = ImageReference.parse(repo);
    } catch (RuntimeException e) {
      throw new InvalidParameterException(e.getMessage(), e);
    }
    if (ref.hasDigest()) {
      throw new InvalidParameterException("refusing to create a tag with a digest reference");
    }
    return ImageTagger.repoTagReference(repo, tag);
  }
}
