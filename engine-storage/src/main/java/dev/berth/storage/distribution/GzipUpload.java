package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.DigestingInputStream;
import dev.berth.storage.digest.ObservedInputStream;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.MediaTypes;
import dev.berth.storage.tar.GzipEncodingStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;

/**
 * Uploads an uncompressed layer gzip-compressed, streaming (moby {@code uploadUsingSession} with {@code compress}):
 * one {@code PATCH} whose body is compressed while it is sent (chunked transfer encoding; memory stays at a
 * buffer), its sha256 and length computed on the way, then {@code PUT …&digest=} with that digest. No temp file:
 * the compressed size and digest are only needed at the final PUT. Progress counts uncompressed bytes against the
 * tar's size, as dockerd's does.
 */
final class GzipUpload {
  /**
   * Deflate level. dockerd uses Go's default (6); level 1 compresses a typical layer of binaries about four times
   * faster for output about 10% larger (measured on a 460 MB tar of /usr/bin: 8 s vs 35 s, 186 vs 168 MB), and a
   * push is usually CPU-bound on compression, not on the network. Incompressible data goes stored either way
   * ({@link GzipEncodingStream}).
   */
  static final int LEVEL = Deflater.BEST_SPEED;

  private GzipUpload() {}

  /** Sends {@code plain} compressed into the upload session at {@code location}; returns the pushed blob. */
  static Descriptor upload(BlobUpload blobs, Descriptor plain, URI location, ProgressMeter meter) {
    AtomicReference<DigestingInputStream> last = new AtomicReference<>();
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> {
      try {
        DigestingInputStream gz = new DigestingInputStream(
            new GzipEncodingStream(new Metered(blobs.source.open(plain.digest()), meter), LEVEL));
        last.set(gz);
        return gz;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    HttpResponse<byte[]> resp = blobs.session.sendBytes(HttpRequest.newBuilder(location).method("PATCH", body)
        .header("Content-Type", "application/octet-stream"));
    if (resp.statusCode() != 202) {
      throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
    }
    DigestingInputStream sent = last.get();
    if (sent == null) {
      throw new SystemException("layer " + plain.digest() + " was not read for upload");
    }
    Descriptor blob = Descriptor.of(MediaTypes.DOCKER_LAYER, sent.digest(), sent.count());
    blobs.finish(blob.digest(), BlobUpload.location(resp), HttpRequest.BodyPublishers.noBody());
    meter.done(plain.size());
    return blob;
  }

  /** Reports the uncompressed bytes read so far. */
  private static final class Metered extends ObservedInputStream {
    private final ProgressMeter meter;
    private long position;

    Metered(InputStream in, ProgressMeter meter) {
      super(in);
      this.meter = meter;
    }

    @Override
    protected void observe(byte[] b, int off, int len) {
      position += len;
      meter.update(position);
    }
  }
}
