package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-written in-memory {@link BlobSink} and {@link BlobSource} that verifies digests on commit. */
final class MemoryBlobStore implements BlobSink, BlobSource {
  final Map<Digest, byte[]> blobs = new ConcurrentHashMap<>();
  final AtomicInteger aborted = new AtomicInteger();

  @Override
  public boolean exists(Digest digest) {
    return blobs.containsKey(digest);
  }

  @Override
  public Writer open() {
    return new Writer() {
      private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
      private boolean done;

      @Override
      public void write(byte[] b, int off, int len) {
        buf.write(b, off, len);
      }

      @Override
      public long size() {
        return buf.size();
      }

      @Override
      public void commit(Digest expected) throws IOException {
        byte[] content = buf.toByteArray();
        if (!Digest.sha256(content).equals(expected)) {
          throw new IOException("digest mismatch");
        }
        blobs.put(expected, content);
        done = true;
      }

      @Override
      public void abort() {
        if (!done) {
          done = true;
          aborted.incrementAndGet();
        }
      }
    };
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    byte[] b = blobs.get(digest);
    if (b == null) {
      throw new IOException("no blob " + digest);
    }
    return new ByteArrayInputStream(b);
  }

  Digest put(byte[] content) {
    Digest d = Digest.sha256(content);
    blobs.put(d, content);
    return d;
  }
}
