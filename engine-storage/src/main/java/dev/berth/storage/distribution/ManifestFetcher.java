package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.ManifestParser;
import dev.berth.storage.distribution.manifest.MediaTypes;
import dev.berth.storage.distribution.manifest.ParsedManifest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * {@code GET /v2/<name>/manifests/<reference>} with Accept for Docker schema 2, manifest lists, OCI manifests and
 * indexes. A tag is first resolved with {@code HEAD} (as dockerd's tag service does, so auth failures read
 * {@code Head "…/manifests/latest": …}), then the manifest is fetched by that digest. Content fetched by digest
 * is verified against it.
 */
final class ManifestFetcher {
  static final int MAX_MANIFEST_BYTES = 4 << 20;

  private ManifestFetcher() {}

  /** The manifest a reference names; its digest is what "Digest: sha256:…" prints. */
  static ParsedManifest fetch(RegistrySession s, RemoteReference ref) {
    if (ref.digest() != null) {
      return fetchByDigest(s, ref.digest(), ref);
    }
    Optional<Digest> digest = head(s, ref.tag());
    if (digest.isPresent()) {
      return fetchByDigest(s, digest.get(), ref);
    }
    HttpResponse<byte[]> resp = get(s, ref.tag());
    return ManifestParser.parse(resp.body(), contentType(resp), ref.toString());
  }

  static ParsedManifest fetchByDigest(RegistrySession s, Digest digest, RemoteReference ref) {
    HttpResponse<byte[]> resp = get(s, digest.toString());
    if (!digest.algorithm().equals("sha256") || !Digest.sha256(resp.body()).equals(digest)) {
      throw new SystemException("manifest verification failed for digest " + digest);
    }
    return ManifestParser.parse(resp.body(), contentType(resp), ref.toString());
  }

  /** The digest a tag points to, when the registry answers HEAD with {@code Docker-Content-Digest}. */
  private static Optional<Digest> head(RegistrySession s, String tag) {
    HttpResponse<Void> resp = s.send(request(s, tag).method("HEAD", HttpRequest.BodyPublishers.noBody()),
        HttpResponse.BodyHandlers.discarding());
    if (resp.statusCode() >= 200 && resp.statusCode() < 400) {
      return resp.headers().firstValue("Docker-Content-Digest").filter(Digest::isDigest).map(Digest::parse);
    }
    return Optional.empty();
  }

  private static HttpResponse<byte[]> get(RegistrySession s, String reference) {
    HttpResponse<byte[]> resp = s.sendBytes(request(s, reference).GET());
    if (resp.statusCode() < 200 || resp.statusCode() >= 400) {
      throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
    }
    if (resp.body().length > MAX_MANIFEST_BYTES) {
      throw new SystemException("manifest too large: " + resp.body().length + " bytes");
    }
    return resp;
  }

  private static HttpRequest.Builder request(RegistrySession s, String reference) {
    return HttpRequest.newBuilder(s.url("manifests/" + reference))
        .header("Accept", String.join(", ", MediaTypes.MANIFEST_ACCEPT));
  }

  private static String contentType(HttpResponse<?> resp) {
    return resp.headers().firstValue("Content-Type").orElse("");
  }
}
