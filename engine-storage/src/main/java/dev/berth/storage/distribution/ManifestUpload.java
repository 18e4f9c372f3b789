package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code PUT /v2/<name>/manifests/<tag>} with the manifest's media type as Content-Type. */
final class ManifestUpload {
  private ManifestUpload() {}

  /** Returns the digest the registry reports ({@code Docker-Content-Digest}), or the sha256 of the bytes. */
  static Digest put(RegistrySession s, String tag, String mediaType, byte[] manifest) {
    HttpResponse<byte[]> resp = s.sendBytes(HttpRequest.newBuilder(s.url("manifests/" + tag))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))
        .header("Content-Type", mediaType));
    if (resp.statusCode() != 201 && resp.statusCode() != 200 && resp.statusCode() != 202) {
      throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
    }
    Digest computed = Digest.sha256(manifest);
    return resp.headers().firstValue("Docker-Content-Digest").filter(Digest::isDigest).map(Digest::parse)
        .filter(d -> d.algorithm().equals("sha256")).orElse(computed);
  }
}
