package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob endpoints of one repository, for pushes: {@code HEAD} (exists), cross-repository mounts ({@code POST
 * …/blobs/uploads/?mount=<digest>&from=<repo>}: 201 mounted; a 202 just opens an upload session), {@code POST} to
 * open a session, and uploads of stored blobs: one monolithic {@code PUT <location>&digest=} with the body, or,
 * above the chunk size, {@code PATCH} chunks with {@code Content-Range} then an empty {@code PUT …&digest=}.
 * Relative and absolute {@code Location}s both work. {@link LayerPush} decides which to call; {@link GzipUpload}
 * streams layers compressed on the way.
 */
final class BlobUpload {
  private static final Logger log = LoggerFactory.getLogger(BlobUpload.class);
  final RegistrySession session;
  final BlobSource source;
  private final long chunkSize;

  BlobUpload(RegistrySession session, BlobSource source, long chunkSize) {
    this.session = session;
    this.source = source;
    this.chunkSize = chunkSize;
  }

  /** True when the repository already has the blob. */
  boolean exists(Digest digest) {
    HttpResponse<Void> resp = session.send(HttpRequest.newBuilder(session.url("blobs/" + digest))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding());
    if (resp.statusCode() >= 200 && resp.statusCode() < 400) {
      return true;
    }
    if (resp.statusCode() == 404) {
      return false;
    }
    throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), new byte[0]);
  }

  /**
   * A cross-repository mount of {@code digest} from {@code from}: null when it was mounted, else the upload
   * session the registry opened instead (202), or {@code open} unchanged when the mount failed.
   */
  URI mount(Digest digest, String from, URI open) {
    session.addScope("repository:" + from + ":pull");
    HttpResponse<byte[]> resp = post("?mount=" + enc(digest.toString()) + "&from=" + enc(from));
    if (resp.statusCode() == 201) {
      return null;
    }
    if (resp.statusCode() == 202) {
      return location(resp);
    }
    log.info("failed to mount layer {} from {}: {}", digest, from,
        RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body()).getMessage());
    return open;
  }

  /** Opens an upload session ({@code POST …/blobs/uploads/}); returns its location. */
  URI open() {
    HttpResponse<byte[]> resp = post("");
    if (resp.statusCode() != 202) {
      throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
    }
    return location(resp);
  }

  /** Pushes the config blob unless present: HEAD, then upload, without progress. */
  void pushConfig(Descriptor blob) {
    if (!exists(blob.digest())) {
      upload(blob, open(), new ProgressMeter(null, LayerProgress.PUSHING, blob.size(), ProgressListener.NONE));
    }
  }

  /** Uploads a stored blob as it is into the session at {@code location}: one PUT, or PATCH chunks and a PUT. */
  void upload(Descriptor blob, URI location, ProgressMeter meter) {
    if (blob.size() > chunkSize) {
      location = patchChunks(blob, location, meter);
      finish(blob.digest(), location, HttpRequest.BodyPublishers.noBody());
    } else {
      finish(blob.digest(), location, body(blob, 0, blob.size(), meter));
    }
    meter.done(blob.size());
  }

  private URI patchChunks(Descriptor blob, URI location, ProgressMeter meter) {
    for (long start = 0; start < blob.size(); start += chunkSize) {
      long len = Math.min(chunkSize, blob.size() - start);
      HttpResponse<byte[]> resp = session.sendBytes(HttpRequest.newBuilder(location)
          .method("PATCH", body(blob, start, len, meter))
          .header("Content-Type", "application/octet-stream")
          .header("Content-Range", start + "-" + (start + len - 1)));
      if (resp.statusCode() != 202) {
        throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
      }
      location = location(resp);
    }
    return location;
  }

  /** Completes an upload: {@code PUT <location>&digest=} with the last bytes (or none). */
  void finish(Digest digest, URI location, HttpRequest.BodyPublisher body) {
    String sep = location.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(location + sep + "digest=" + enc(digest.toString()));
    HttpResponse<byte[]> resp = session.sendBytes(HttpRequest.newBuilder(put).PUT(body)
        .header("Content-Type", "application/octet-stream"));
    if (resp.statusCode() != 201 && resp.statusCode() != 204) {
      throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
    }
  }

  private HttpResponse<byte[]> post(String query) {
    return session.sendBytes(HttpRequest.newBuilder(session.url("blobs/uploads/" + query))
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  static URI location(HttpResponse<?> resp) {
    String loc = resp.headers().firstValue("Location")
        .orElseThrow(() -> new SystemException("registry did not return an upload location"));
    return resp.request().uri().resolve(loc);
  }

  /** {@code len} bytes of the blob from {@code start}, re-openable for retries, counted for progress. */
  private HttpRequest.BodyPublisher body(Descriptor blob, long start, long len, ProgressMeter meter) {
    return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
      try {
        InputStream in = source.open(blob.digest());
        in.skipNBytes(start);
        return new Counting(in, start, len, meter);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }), len);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Reads at most {@code len} bytes and reports the running offset. */
  private static final class Counting extends FilterInputStream {
    private final ProgressMeter meter;
    private long position;
    private long left;

    Counting(InputStream in, long start, long len, ProgressMeter meter) {
      super(in);
      this.position = start;
      this.left = len;
      this.meter = meter;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        position += n;
        left -= n;
        meter.update(position);
      }
      return n;
    }
  }
}
