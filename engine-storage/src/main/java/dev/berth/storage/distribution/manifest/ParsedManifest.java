package dev.berth.storage.distribution.manifest;

import dev.berth.storage.digest.Digest;

/**
 * A manifest as received: the exact bytes (whose sha256 is its digest; never re-serialise them), the effective
 * media type and the parsed document.
 */
public record ParsedManifest(String mediaType, byte[] content, Digest digest, Manifest manifest) {

  public boolean isIndex() {
    return manifest instanceof ManifestList;
  }

  public Descriptor descriptor() {
    return Descriptor.of(mediaType, digest, content.length);
  }
}
