package dev.berth.storage.distribution;

import dev.berth.storage.distribution.manifest.Descriptor;
import java.util.List;

/**
 * One layer to push.
 *
 * @param blob the compressed layer blob as stored (media type, digest, size)
 * @param progressId the id for progress lines; dockerd shows the diff ID's first 12 hex characters; null uses the
 *     blob's short digest
 * @param mountFrom repositories on the same registry known to hold this blob (paths such as
 *     {@code library/busybox}), tried as cross-repository mounts before uploading
 */
public record PushLayer(Descriptor blob, String progressId, List<String> mountFrom) {

  public PushLayer {
    mountFrom = mountFrom == null ? List.of() : List.copyOf(mountFrom);
    progressId = progressId == null ? blob.shortId() : progressId;
  }

  public static PushLayer of(Descriptor blob) {
    return new PushLayer(blob, null, List.of());
  }
}
