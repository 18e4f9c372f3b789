package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import java.util.List;

/**
 * One layer to push.
 *
 * @param blob the layer blob as stored (media type, digest, size): a pulled blob goes up unchanged, an
 *     uncompressed tar ({@link dev.berth.storage.distribution.manifest.MediaTypes#isUncompressedLayer}) is
 *     gzip-compressed on the way, as dockerd does
 * @param diffId the layer's diff ID (null: the blob's digest); pushes of the same diff ID share one transfer
 * @param progressId the id for progress lines; dockerd shows the diff ID's first 12 hex characters; null uses the
 *     blob's short digest
 * @param known registry blobs on the target registry known to hold this layer, newest first: checked for existence
 *     (the target repository's) and tried as cross-repository mounts (the others') before uploading
 */
public record PushLayer(Descriptor blob, Digest diffId, String progressId, List<KnownBlob> known) {

  public PushLayer {
    known = known == null ? List.of() : List.copyOf(known);
    diffId = diffId == null ? blob.digest() : diffId;
    progressId = progressId == null ? blob.shortId() : progressId;
  }

  public static PushLayer of(Descriptor blob) {
    return new PushLayer(blob, null, null, List.of());
  }
}
