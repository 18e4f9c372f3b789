package dev.berth.storage.image;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.reference.ReferenceStore;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves what a user typed to an image, like dockerd's {@code GetImage}: a full ID with or without
 * {@code sha256:}, a reference ({@code busybox}, {@code busybox:1}, {@code name@sha256:…}), or a unique ID prefix.
 * An ambiguous prefix finds nothing.
 */
public final class ImageLookup {
  private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

  private final ImageStore images;
  private final ReferenceStore refs;

  public ImageLookup(ImageStore images, ReferenceStore refs) {
    this.images = images;
    this.refs = refs;
  }

  /** Throws {@link NoSuchImageException}, or an {@code InvalidParameterException} for a malformed reference. */
  public Image get(String refOrId) {
    if (HEX64.matcher(refOrId).matches()) {
      return byId(new Digest("sha256", refOrId));
    }
    if (Digest.isDigest(refOrId)) {
      return byId(Digest.parse(refOrId));
    }
    ImageReference ref = ImageReference.parse(refOrId);
    Optional<Digest> id = refs.get(ref);
    if (id.isPresent()) {
      return images.get(id.get()).orElseThrow(() -> notFound(ref));
    }
    return images.search(refOrId).flatMap(images::get).orElseThrow(() -> notFound(ref));
  }

  public Optional<Image> find(String refOrId) {
    try {
      return Optional.of(get(refOrId));
    } catch (NoSuchImageException e) {
      return Optional.empty();
    }
  }

  private Image byId(Digest id) {
    return images.get(id).orElseThrow(() -> new NoSuchImageException(id.toString()));
  }

  private static NoSuchImageException notFound(ImageReference ref) {
    return new NoSuchImageException(ref.hasDigest() ? ref.familiarString() : ref.withDefaultTag().familiarString());
  }
}
