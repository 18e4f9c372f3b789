package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.ImageManifest;
import dev.berth.storage.distribution.manifest.ParsedManifest;
import java.util.List;

/**
 * A finished download. Every blob listed (index, manifest, config, layers) is in the sink.
 *
 * @param manifestDigest the digest of what the reference points to (the index for multi-platform images): what
 *     "Digest: sha256:…" prints and what RepoDigests records
 * @param index the manifest list / OCI index when the reference named one, else null
 * @param manifest the platform-specific image manifest that was pulled
 * @param config the image config JSON (its sha256 is the image ID)
 * @param layersDownloaded false when {@link PullRequest#imageExists()} said the image was already there
 */
public record PullResult(RemoteReference reference, Digest manifestDigest, ParsedManifest index,
    ParsedManifest manifest, byte[] config, boolean layersDownloaded) {

  public ImageManifest imageManifest() {
    return (ImageManifest) manifest.manifest();
  }

  public Digest configDigest() {
    return imageManifest().config().digest();
  }

  /** Layer blobs, bottom-most first. */
  public List<Descriptor> layers() {
    return imageManifest().layers();
  }
}
