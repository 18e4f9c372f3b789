package dev.berth.storage.image;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.reference.ReferenceStore;
import java.time.Clock;
import java.util.List;

/** {@code docker tag} and the tagging step of import/commit (router {@code postImagesTag} + {@code TagImage}). */
public final class ImageTagger {
  private final ImageLookup lookup;
  private final ImageStore images;
  private final ReferenceStore refs;
  private final ImageEventListener events;
  private final Clock clock;

  public ImageTagger(ImageLookup lookup, ImageStore images, ReferenceStore refs, ImageEventListener events,
      Clock clock) {
    this.lookup = lookup;
    this.images = images;
    this.refs = refs;
    this.events = events;
    this.clock = clock;
  }

  /**
   * dockerd's {@code httputils.RepoTagReference}: {@code repo} plus {@code tag} (default {@code latest}); digests
   * are refused. Null when {@code repo} is empty (import without a name).
   */
  public static ImageReference repoTagReference(String repo, String tag) {
    if (repo == null || repo.isEmpty()) {
      return null;
    }
    ImageReference ref = ImageReference.parse(repo);
    if (ref.hasDigest()) {
      throw new InvalidParameterException("cannot import digest reference");
    }
    if (tag != null && !tag.isEmpty()) {
      return ref.nameOnly().withTag(tag);
    }
    return ref.withDefaultTag();
  }

  /** {@code POST /images/{name}/tag?repo=&tag=}. */
  public void tag(String source, String repo, String tag) {
    ImageReference ref = repoTagReference(repo, tag);
    if (ref == null) {
      throw new InvalidParameterException("repository name must have at least one component");
    }
    if (ref.familiarName().equals("sha256")) {
      throw new InvalidParameterException("refusing to create an ambiguous tag using digest algorithm as name");
    }
    tagImage(lookup.get(source).id(), ref);
  }

  /**
   * Stores a config (its layers already registered) and points {@code names} at the image: tags are moved,
   * {@code name@digest} references (pulled manifests) are recorded. Atomic with respect to rmi and prune.
   */
  public Image createAndTag(byte[] config, List<ImageReference> names) {
    images.lock().lock();
    try {
      Image img = images.create(config);
      for (ImageReference ref : names) {
        if (ref.hasDigest()) {
          refs.addDigest(ref, img.id(), true);
        } else {
          tagImage(img.id(), ref);
        }
      }
      return img;
    } finally {
      images.lock().unlock();
    }
  }

  /**
   * Points {@code ref} at an image, replacing a tag that pointed elsewhere. Runs under the store lock, so a
   * concurrent rmi or prune cannot delete the image in between.
   */
  public void tagImage(Digest id, ImageReference ref) {
    images.lock().lock();
    try {
      images.get(id).orElseThrow(() -> new NoSuchImageException(id.toString()));
      refs.addTag(ref, id, true);
      images.setLastUpdated(id, clock.instant());
    } finally {
      images.lock().unlock();
    }
    events.imageEvent("tag", id.toString(), ref.familiarString());
  }
}
