package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import java.io.Closeable;
import java.io.IOException;

/**
 * Where pulled blobs go (the port the lead adapts to {@code ContentStore}). Implementations must be safe for
 * concurrent use; each {@link Writer} is used by one thread at a time.
 */
public interface BlobSink {

  /** True when the blob is already stored and need not be downloaded. */
  boolean exists(Digest digest);

  /** Starts a new ingest. */
  Writer open() throws IOException;

  /** One ingest. The registry client verifies the digest while streaming and calls {@link #commit} last. */
  interface Writer extends Closeable {
    void write(byte[] buf, int off, int len) throws IOException;

    /** Bytes written so far (the resume offset after a dropped connection). */
    long size();

    /** Makes the blob visible under {@code expected}; the sink may verify again. */
    void commit(Digest expected) throws IOException;

    /** Discards everything written; idempotent and a no-op after commit. */
    void abort();

    @Override
    default void close() {
      abort();
    }
  }
}
