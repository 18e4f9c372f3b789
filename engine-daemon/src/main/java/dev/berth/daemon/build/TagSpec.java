package dev.berth.daemon.build;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.reference.ImageReference;

/** One {@code -t name[:tag]}, validated before the build starts as dockerd does. */
record TagSpec(String repo, String tag) {
  static TagSpec parse(String t) {
    ImageReference ref;
    try {
      ref = ImageReference.parse(t);
    } catch (RuntimeException e) {
      throw new InvalidParameterException("invalid reference format");
    }
    if (ref.hasDigest()) {
      throw new InvalidParameterException("invalid reference format");
    }
    int slash = t.lastIndexOf('/');
    int colon = t.lastIndexOf(':');
    return colon > slash ? new TagSpec(t.substring(0, colon), t.substring(colon + 1)) : new TagSpec(t, "latest");
  }

  /** The name dockerd prints in {@code Successfully tagged} ({@code docker.io/library/x:1} becomes {@code x:1}). */
  @Override
  public String toString() {
    try {
      return ImageReference.parse(repo + ":" + tag).familiarString();
    } catch (RuntimeException e) {
      return repo + ":" + tag;
    }
  }
}
