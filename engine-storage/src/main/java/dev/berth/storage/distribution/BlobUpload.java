package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one blob into a repository (moby {@code pushDescriptor.Upload}): {@code HEAD} first ("Layer already
 * exists"); then cross-repository mounts ({@code POST …/blobs/uploads/?mount=<digest>&from=<repo>}, 201 →
 * "Mounted from <repo>"; a 202 just opens an upload session); otherwise {@code POST} to open a session and either
 * one monolithic {@code PUT <location>&digest=} with the body, or, above the chunk size, {@code PATCH} chunks with
 * {@code Content-Range} then an empty {@code PUT …&digest=}. Relative and absolute {@code Location}s both work.
 */
final class BlobUpload {
  private static final Logger log = LoggerFactory.getLogger(BlobUpload.class);
  private final RegistrySession session;
  private final BlobSource source;
  private final long chunkSize;

  BlobUpload(RegistrySession session, BlobSource source, long chunkSize) {
    this.session = session;
    this.source = source;
    this.chunkSize = chunkSize;
  }

  /** True when the repository already has the blob. */
  boolean exists(Descriptor blob) {
    HttpResponse<Void> resp = session.send(HttpRequest.newBuilder(session.url("blobs/" + blob.digest()))
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
   * Pushes unless present; returns the final status shown for the layer ("Layer already exists", "Mounted from
   * x", "Pushed"). {@code progressId} null means no events (the config blob).
   */
  String push(Descriptor blob, List<String> mountFrom, String progressId, ProgressListener out) {
    if (exists(blob)) {
      return emit(progressId, out, LayerProgress.LAYER_ALREADY_EXISTS);
    }
    URI location = null;
    for (String from : mountFrom) {
      if (from.equals(session.repository())) {
        continue;
      }
      session.addScope("repository:" + from + ":pull");
      HttpResponse<byte[]> resp = post("?mount=" + enc(blob.digest().toString()) + "&from=" + enc(from));
      if (resp.statusCode() == 201) {
        return emit(progressId, out, "Mounted from " + from);
      }
      if (resp.statusCode() == 202) {
        location = location(resp);
      } else {
        log.info("failed to mount layer {} from {}: {}", blob.digest(), from,
            RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body()).getMessage());
      }
    }
    if (location == null) {
      HttpResponse<byte[]> resp = post("");
      if (resp.statusCode() != 202) {
        throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
      }
      location = location(resp);
    }
    ProgressMeter meter = new ProgressMeter(progressId, LayerProgress.PUSHING, blob.size(), out);
    if (blob.size() > chunkSize) {
      location = patchChunks(blob, location, meter);
      finish(blob, location, HttpRequest.BodyPublishers.noBody());
    } else {
      finish(blob, location, body(blob, 0, blob.size(), meter));
    }
    meter.done(blob.size());
    return emit(progressId, out, LayerProgress.PUSHED);
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

  private void finish(Descriptor blob, URI location, HttpRequest.BodyPublisher body) {
    String sep = location.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(location + sep + "digest=" + enc(blob.digest().toString()));
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

  private URI location(HttpResponse<?> resp) {
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

  private static String emit(String progressId, ProgressListener out, String status) {
    if (progressId != null) {
      out.onProgress(LayerProgress.of(progressId, status));
    }
    return status;
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
