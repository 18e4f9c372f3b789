package dev.berth.daemon.image;

import dev.berth.storage.content.ContentStore;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.BlobSink;
import dev.berth.storage.distribution.BlobSource;
import dev.berth.storage.gc.Lease;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * The registry client's blob ports over the content store: pulled blobs are committed (digest verified) into it
 * under a lease, pushed blobs are read from it. Image configs live in the image store, so a push hands their bytes
 * in {@code extra}.
 */
final class ContentBlobs implements BlobSink, BlobSource {
  private final ContentStore content;
  private final Lease lease;
  private final Map<Digest, byte[]> extra;

  ContentBlobs(ContentStore content, Lease lease, Map<Digest, byte[]> extra) {
    this.content = content;
    this.lease = lease;
    this.extra = Map.copyOf(extra);
  }

  static ContentBlobs sink(ContentStore content, Lease lease) {
    return new ContentBlobs(content, lease, Map.of());
  }

  static ContentBlobs source(ContentStore content, Map<Digest, byte[]> extra) {
    return new ContentBlobs(content, null, extra);
  }

  @Override
  public boolean exists(Digest digest) {
    boolean stored = content.exists(digest);
    if (stored && lease != null) {
      lease.protect(digest);
    }
    return stored;
  }

  @Override
  public Writer open() throws IOException {
    ContentStore.Writer w = content.open();
    return new Writer() {
      @Override
      public void write(byte[] buf, int off, int len) throws IOException {
        w.write(buf, off, len);
      }

      @Override
      public long size() {
        return w.size();
      }

      @Override
      public void commit(Digest expected) throws IOException {
        Digest d = w.commit(expected);
        if (lease != null) {
          lease.protect(d);
        }
      }

      @Override
      public void abort() {
        w.abort();
      }
    };
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    byte[] bytes = extra.get(digest);
    if (bytes != null) {
      return new ByteArrayInputStream(bytes);
    }
    var path = content.path(digest).orElseThrow(() -> new NoSuchFileException("blob " + digest));
    return Files.newInputStream(path);
  }
}
