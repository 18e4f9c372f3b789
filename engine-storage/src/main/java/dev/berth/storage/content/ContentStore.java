package dev.berth.storage.content;

import dev.berth.storage.digest.Digest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed blobs (containerd's content store): layer tars as received, manifests, configs. A blob becomes
 * visible only through {@link Writer#commit}, which verifies the digest, fsyncs and atomically renames it into
 * place, so readers never see partial data. Safe for concurrent use; writing the same digest twice is harmless.
 */
public interface ContentStore {

  /** The file holding a committed blob, or empty when it is not stored. Open it read-only. */
  Optional<Path> path(Digest digest);

  boolean exists(Digest digest);

  /** Starts a new ingest. Always {@link Writer#commit} or {@link Writer#abort} (or close) it. */
  Writer open() throws IOException;

  /** Removes a blob; a missing blob is not an error. */
  void delete(Digest digest) throws IOException;

  /** Copies {@code in} into a new blob and commits it (verifying against {@code expected} unless null). */
  default Digest put(InputStream in, Digest expected) throws IOException {
    try (Writer w = open()) {
      w.write(in);
      return w.commit(expected);
    }
  }

  /** Stores bytes already in memory (configs, manifests). */
  default Digest put(byte[] data, Digest expected) throws IOException {
    try (Writer w = open()) {
      w.write(data, 0, data.length);
      return w.commit(expected);
    }
  }

  /** One ingest: bytes go to a temp file while a sha256 is computed. Not thread-safe; one writer per thread. */
  interface Writer extends Closeable {

    void write(byte[] buf, int off, int len) throws IOException;

    /** Copies a whole stream; returns the number of bytes written. */
    default long write(InputStream in) throws IOException {
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; total += n) {
        write(buf, 0, n);
      }
      return total;
    }

    /** This writer as a stream; closing the stream does not commit. */
    OutputStream asOutputStream();

    /** Bytes written so far. */
    long size();

    /**
     * Verifies the content against {@code expected} (when not null), fsyncs, and atomically renames the blob into
     * place. Returns the blob's digest (sha256 of the bytes, or {@code expected} when that uses another algorithm
     * and matches). On a mismatch the ingest is discarded and {@link DigestMismatchException} is thrown.
     */
    Digest commit(Digest expected) throws IOException;

    /** Discards the ingest; idempotent, and a no-op after commit. */
    void abort();

    /** Aborts unless committed. */
    @Override
    default void close() {
      abort();
    }
  }
}
