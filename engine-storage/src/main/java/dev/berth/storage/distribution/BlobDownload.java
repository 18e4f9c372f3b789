package dev.berth.storage.distribution;

import dev.berth.api.errors.EngineException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * {@code GET /v2/<name>/blobs/<digest>} into a {@link BlobSink}, hashing while streaming. A connection that drops
 * mid-way is resumed with {@code Range: bytes=<n>-} on the next attempt (a server that ignores the range and
 * answers 200 gets its first n bytes skipped); content that does not hash to the digest is discarded and fetched
 * again; attempts follow {@link RetryPolicy}. Emits "Downloading", "Verifying Checksum", "Download complete".
 */
final class BlobDownload {
  private static final int BUFFER = 64 * 1024;
  private final RegistrySession session;
  private final Descriptor blob;
  private final BlobSink sink;
  private final RetryPolicy retry;
  private BlobSink.Writer writer;
  private MessageDigest hash;

  BlobDownload(RegistrySession session, Descriptor blob, BlobSink sink, RetryPolicy retry) {
    this.session = session;
    this.blob = blob;
    this.sink = sink;
    this.retry = retry;
  }

  /** Runs to completion or throws; {@code progressId} null means no progress events (config blobs). */
  void run(String progressId, ProgressListener out) {
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          attempt(progressId, out);
          return;
        } catch (RuntimeException e) {
          if (!retryable(e) || attempt >= retry.maxAttempts() || !retry.backOff(attempt, progressId, out)) {
            throw e;
          }
        }
      }
    } finally {
      if (writer != null) {
        writer.abort();
      }
    }
  }

  private void attempt(String progressId, ProgressListener out) {
    try {
      if (writer == null) {
        writer = sink.open();
        hash = newHash();
      }
      long offset = writer.size();
      HttpRequest.Builder req = HttpRequest.newBuilder(session.url("blobs/" + blob.digest())).GET();
      if (offset > 0) {
        req.header("Range", "bytes=" + offset + "-");
      }
      HttpResponse<InputStream> resp = session.send(req, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = resp.body()) {
        long skip = checkStatus(resp, offset);
        stream(in, skip, offset, progressId, out);
      }
    } catch (IOException e) {
      throw TransportErrors.of("GET", session.url("blobs/" + blob.digest()), e);
    }
    if (progressId != null) {
      out.onProgress(LayerProgress.of(progressId, LayerProgress.VERIFYING_CHECKSUM));
    }
    Digest actual = new Digest(blob.digest().algorithm(), HexFormat.of().formatHex(hash.digest()));
    if (!actual.equals(blob.digest())) {
      writer.abort();
      writer = null;
      throw new VerificationException("filesystem layer verification failed for digest " + blob.digest());
    }
    try {
      writer.commit(blob.digest());
      writer = null;
    } catch (IOException e) {
      throw new SystemException("failed to store blob " + blob.digest() + ": " + e.getMessage(), e);
    }
    if (progressId != null) {
      out.onProgress(LayerProgress.of(progressId, LayerProgress.DOWNLOAD_COMPLETE));
    }
  }

  /** Returns how many leading bytes of the body to skip (the server ignored our Range). */
  private long checkStatus(HttpResponse<InputStream> resp, long offset) throws IOException {
    int status = resp.statusCode();
    if (status == 206 && offset > 0) {
      String range = resp.headers().firstValue("Content-Range").orElse("");
      if (!range.startsWith("bytes " + offset + "-")) {
        throw new IOException("unexpected Content-Range " + range);
      }
      return 0;
    }
    if (status == 200) {
      return offset;
    }
    byte[] body = resp.body().readAllBytes();
    if (status == 404) {
      throw new RegistryResponseException(404, java.util.List.of(), "unknown blob");
    }
    throw RegistryErrors.fromResponse(status, resp.headers(), body);
  }

  private void stream(InputStream in, long skip, long offset, String progressId, ProgressListener out)
      throws IOException {
    if (skip > 0) {
      in.skipNBytes(skip);
    }
    ProgressMeter meter = new ProgressMeter(progressId, LayerProgress.DOWNLOADING, blob.size(), out);
    long done = offset;
    meter.update(done);
    byte[] buf = new byte[BUFFER];
    for (int n; (n = in.read(buf)) > 0; ) {
      writer.write(buf, 0, n);
      hash.update(buf, 0, n);
      done += n;
      meter.update(done);
    }
    meter.done(done);
    if (blob.size() > 0 && done < blob.size()) {
      throw new java.io.EOFException("unexpected EOF");
    }
  }

  private MessageDigest newHash() {
    try {
      return MessageDigest.getInstance(blob.digest().algorithm().equals("sha512") ? "SHA-512" : "SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** moby {@code retryOnError}: which failures are worth another attempt. */
  static boolean retryable(RuntimeException e) {
    if (e instanceof RegistryResponseException r) {
      if (r.wrapped() || r.status() == 404 && r.errors().isEmpty()) {
        return false;
      }
      if (r.errors().isEmpty()) {
        return r.getMessage().startsWith("received unexpected HTTP status");
      }
      return switch (r.first().code()) {
        case UNAUTHORIZED, UNSUPPORTED, DENIED, TOOMANYREQUESTS, NAME_UNKNOWN, BLOB_UNKNOWN -> false;
        default -> true;
      };
    }
    if (e instanceof RegistryUnreachableException || e instanceof VerificationException) {
      return true;
    }
    return !(e instanceof EngineException) || e instanceof SystemException;
  }

  /** Content did not hash to its digest; retried with a fresh download. */
  static final class VerificationException extends SystemException {
    VerificationException(String message) {
      super(message);
    }
  }
}
