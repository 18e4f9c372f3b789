package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.Platform;
import java.util.function.Predicate;

/**
 * What to pull.
 *
 * @param platform {@code --platform}, or null for this host's platform
 * @param layerExists layers to report as "Already exists" and not download; null means "the sink has the blob"
 * @param imageExists given the config digest (the image ID): true skips all layer downloads, as dockerd does
 *     when the image is already present; null means never
 */
public record PullRequest(RemoteReference reference, Platform platform, AuthConfig auth,
    Predicate<Descriptor> layerExists, Predicate<Digest> imageExists) {

  public PullRequest {
    auth = auth == null ? AuthConfig.ANONYMOUS : auth;
  }

  public static PullRequest of(RemoteReference reference, Platform platform, AuthConfig auth) {
    return new PullRequest(reference, platform, auth, null, null);
  }
}
