package dev.berth.daemon.image;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.reference.ImageReference;

/** How the pull and push routes turn {@code name} + {@code tag} into one reference, as dockerd's routers do. */
final class References {
  private References() {}

  /**
   * {@code fromImage} + {@code tag} (moby {@code postImagesCreate}): the tag may be a digest; a trailing ":" (old
   * {@code pull -a} clients) is ignored; a bare name (no tag anywhere) stays name-only: the pull then takes every tag ({@code pull --all-tags}).
   */
  static ImageReference forPull(String image, String tag) {
    String name = image.endsWith(":") ? image.substring(0, image.length() - 1) : image;
    ImageReference ref = ImageReference.parse(name);
    if (tag != null && !tag.isEmpty()) {
      ref = Digest.isDigest(tag) ? ref.nameOnly().withDigest(Digest.parse(tag)) : ref.nameOnly().withTag(tag);
    }
    return ref;
  }

  /** {@code POST /images/{name}/push?tag=}: without any tag the whole repository is pushed. */
  static ImageReference forPush(String name, String tag) {
    ImageReference ref = ImageReference.parse(name);
    if (tag != null && !tag.isEmpty()) {
      ref = ref.nameOnly().withTag(tag);
    }
    return ref;
  }
}
