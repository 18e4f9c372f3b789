package dev.berth.daemon.image;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.AuthConfig;
import dev.berth.storage.distribution.ImagePuller;
import dev.berth.storage.distribution.KnownBlobStore;
import dev.berth.storage.distribution.LayerProgress;
import dev.berth.storage.distribution.PullRequest;
import dev.berth.storage.distribution.PullResult;
import dev.berth.storage.distribution.RemoteReference;
import dev.berth.storage.distribution.TagLister;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.Platform;
import dev.berth.storage.gc.Lease;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.layer.ChainIds;
import dev.berth.storage.reference.ImageReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docker pull} (moby {@code puller.pullTag}): the registry client downloads manifest, config and layer
 * blobs into the content store; then each layer is registered bottom-up ("Extracting", "Pull complete"), the image
 * is created and tagged with the reference and {@code name@manifestDigest}, and the summary lines follow.
 */
final class PullOperation {
  private static final Logger log = LoggerFactory.getLogger(PullOperation.class);
  private final ImageService images;
  private final ImagePuller puller;
  private final KnownBlobStore known;
  private final ImageEvents events;
  private final TagLister tags;

  PullOperation(ImageService images, ImagePuller puller, TagLister tags, KnownBlobStore known, ImageEvents events) {
    this.images = images;
    this.puller = puller;
    this.tags = tags;
    this.known = known;
    this.events = events;
  }

  /**
   * A tag or digest pulls that image; a bare repository name pulls every tag the registry lists, one after the
   * other, with a single "Status:" line for the repository at the end (moby {@code pullRepository}).
   */
  void pull(ImageReference ref, Platform platform, AuthConfig auth, Consumer<JsonMessage> out) {
    boolean updated = false;
    if (ref.isNameOnly()) {
      for (String tag : tags.tags(remote(ref), auth)) {
        updated |= pullTag(ref.withTag(tag), platform, auth, out);
      }
    } else {
      updated = pullTag(ref, platform, auth, out);
    }
    out.accept(JsonMessage.status((updated ? "Status: Downloaded newer image for "
        : "Status: Image is up to date for ") + ref.familiarString()));
    events.imageEvent("pull", ref.familiarString(), ref.familiarName());
  }

  /** One tag or digest up to its "Digest:" line; true when the reference now names a different image. */
  private boolean pullTag(ImageReference ref, Platform platform, AuthConfig auth, Consumer<JsonMessage> out) {
    RemoteReference remote = remote(ref);
    try (Lease lease = images.leases().open()) {
      PullRequest request = new PullRequest(remote, platform, auth, this::layerExists,
          id -> images.imageStore().get(id).isPresent());
      PullResult result = puller.pull(request, ContentBlobs.sink(images.contentStore(), lease),
          ProgressMessages.listener(out));
      Image parsed = Image.fromJson(result.config());
      register(result, parsed.diffIds(), lease, out);
      Optional<Digest> before = images.referenceStore().get(ref);
      Image img = store(result, ref);
      known.record(parsed.diffIds(), result.layers(), remote.domain(), remote.path());
      out.accept(JsonMessage.status("Digest: " + result.manifestDigest()));
      return before.isEmpty() || !before.get().equals(img.id());
    }
  }

  private static RemoteReference remote(ImageReference ref) {
    return new RemoteReference(ref.domain(), ref.path(), ref.tag(), ref.digest());
  }

  /**
   * Creates the image with the reference and, for a tag pull, {@code name@manifestDigest}; a digest that already
   * names another image keeps it (moby {@code addDigestReference}: the reference store cannot move a digest).
   */
  private Image store(PullResult result, ImageReference ref) {
    List<ImageReference> names = new ArrayList<>(List.of(ref));
    ImageReference digestRef = ref.nameOnly().withDigest(result.manifestDigest());
    Optional<Digest> digestOwner = ref.hasDigest() ? Optional.empty() : images.referenceStore().get(digestRef);
    if (!ref.hasDigest() && digestOwner.isEmpty()) {
      names.add(digestRef);
    }
    Image img = images.createImage(result.config(), names);
    if (digestOwner.isPresent() && !digestOwner.get().equals(img.id())) {
      log.error("Image ID for digest {} changed from {} to {}, cannot update", result.manifestDigest(),
          digestOwner.get(), img.id());
    }
    return img;
  }

  /**
   * "Already exists": a registered layer was made from this blob. A blob alone (kept for a while after its layer
   * went) is not enough: it still needs extracting, so it shows as pulled, without a download.
   */
  private boolean layerExists(Descriptor blob) {
    String digest = blob.digest().toString();
    return images.contentStore().exists(blob.digest())
        && images.layerStore().all().stream().anyMatch(l -> l.blob().digest().equals(digest));
  }

  /** Registers the layers the store lacks, bottom-most first, each on top of the one below. */
  private void register(PullResult result, List<Digest> diffIds, Lease lease, Consumer<JsonMessage> out) {
    List<Descriptor> layers = result.layers();
    if (layers.size() != diffIds.size()) {
      throw new InvalidParameterException("image config has " + diffIds.size() + " layers but the manifest lists "
          + layers.size());
    }
    List<Digest> chain = ChainIds.of(diffIds);
    for (int i = 0; i < layers.size(); i++) {
      Descriptor d = layers.get(i);
      if (images.layerStore().exists(chain.get(i))) {
        lease.protect(chain.get(i));
        continue;
      }
      String id = d.shortId();
      out.accept(JsonMessage.progress(id, LayerProgress.EXTRACTING, 0, d.size()));
      try {
        images.layerStore().registerBlob(dev.berth.storage.oci.Descriptor.of(d.mediaType(), d.digest(), d.size()),
            i == 0 ? null : chain.get(i - 1), diffIds.get(i), lease);
      } catch (IOException e) {
        throw new SystemException("failed to register layer: " + e.getMessage(), e);
      }
      out.accept(JsonMessage.progress(id, LayerProgress.EXTRACTING, d.size(), d.size()));
      out.accept(JsonMessage.progress(id, LayerProgress.PULL_COMPLETE));
    }
  }
}
