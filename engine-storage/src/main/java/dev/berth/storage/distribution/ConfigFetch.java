package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The image config blob, into memory and the sink (moby {@code pullSchema2Config}: up to 5 attempts, 250 ms
 * backoff doubling, then "image config verification failed for digest …" if it does not hash right).
 */
final class ConfigFetch {
  static final int MAX_CONFIG_BYTES = 8 << 20;

  private ConfigFetch() {}

  static byte[] fetch(RegistrySession s, Descriptor config, BlobSink sink) {
    long sleep = 250;
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      try {
        byte[] body = get(s, config.digest());
        if (!Digest.sha256(body).equals(config.digest())) {
          throw new SystemException("image config verification failed for digest " + config.digest());
        }
        BlobSinks.put(sink, body, config.digest());
        return body;
      } catch (RuntimeException e) {
        last = e;
        boolean corrupt = String.valueOf(e.getMessage()).startsWith("image config verification");
        if (corrupt || !BlobDownload.retryable(e)) {
          break;
        }
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
        sleep *= 2;
      }
    }
    throw last;
  }

  private static byte[] get(RegistrySession s, Digest digest) {
    HttpResponse<byte[]> resp = s.sendBytes(HttpRequest.newBuilder(s.url("blobs/" + digest)).GET());
    if (resp.statusCode() == 404) {
      throw new RegistryResponseException(404, java.util.List.of(), "unknown blob");
    }
    if (resp.statusCode() < 200 || resp.statusCode() >= 300) {
      throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
    }
    if (resp.body().length > MAX_CONFIG_BYTES) {
      throw new SystemException("image config too large: " + resp.body().length + " bytes");
    }
    return resp.body();
  }
}
