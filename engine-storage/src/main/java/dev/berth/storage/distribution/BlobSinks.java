package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import java.io.IOException;

/** Stores small blobs already in memory (manifests, configs) into a {@link BlobSink}. */
final class BlobSinks {
  private BlobSinks() {}

  static void put(BlobSink sink, byte[] content, Digest digest) {
    if (sink.exists(digest)) {
      return;
    }
    try (BlobSink.Writer w = sink.open()) {
      w.write(content, 0, content.length);
      w.commit(digest);
    } catch (IOException e) {
      throw new SystemException("failed to store " + digest + ": " + e.getMessage(), e);
    }
  }
}
