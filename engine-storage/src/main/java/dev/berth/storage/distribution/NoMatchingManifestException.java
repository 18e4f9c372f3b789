package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;
import dev.berth.storage.distribution.manifest.Platform;

/** moby {@code noMatchesErr}: no entry of an index fits the platform (a 500 in dockerd, so a system error). */
public final class NoMatchingManifestException extends SystemException {
  public NoMatchingManifestException(Platform platform) {
    super("no matching manifest for " + platform.format() + " in the manifest list entries");
  }
}
