package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import java.io.IOException;
import java.io.InputStream;

/** Where pushed blobs come from (the port the lead adapts to {@code ContentStore.path}). */
public interface BlobSource {

  /** Opens the stored blob from its start; may be called again when an upload is retried. */
  InputStream open(Digest digest) throws IOException;
}
