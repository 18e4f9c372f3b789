package dev.berth.storage.distribution;

import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.ImageManifest;
import dev.berth.storage.distribution.manifest.ManifestJson;
import dev.berth.storage.distribution.manifest.ManifestList;
import dev.berth.storage.distribution.manifest.MediaTypes;
import dev.berth.storage.distribution.manifest.ParsedManifest;
import dev.berth.storage.distribution.manifest.Platform;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /distribution/{name}/json} (moby {@code getDistributionInfo}/{@code fetchManifest}): the manifest
 * descriptor, and platforms from the index entries, or for a Docker schema 2 manifest from its config (dockerd
 * lists none for a single OCI manifest, and neither does this).
 */
public final class DistributionInspector {
  private final RegistryClient client;

  public DistributionInspector(RegistryClient client) {
    this.client = client;
  }

  public DistributionInspect inspect(RemoteReference ref, AuthConfig auth) {
    try {
      return client.withPullSession(ref, auth, s -> inspect(s, ref));
    } catch (RuntimeException e) {
      throw RegistryErrors.toException(e);
    }
  }

  private static DistributionInspect inspect(RegistrySession s, RemoteReference ref) {
    ParsedManifest m = ManifestFetcher.fetch(s, ref);
    List<Platform> platforms = new ArrayList<>();
    if (m.manifest() instanceof ManifestList list) {
      for (Descriptor d : list.manifests()) {
        Platform p = d.platform();
        platforms.add(p == null ? new Platform("", "", null, null, null, null) : p);
      }
    } else if (m.manifest() instanceof ImageManifest img && MediaTypes.DOCKER_MANIFEST.equals(m.mediaType())) {
      configPlatform(s, img.config()).ifPresent(platforms::add);
    }
    return new DistributionInspect(m.descriptor(), platforms);
  }

  private static java.util.Optional<Platform> configPlatform(RegistrySession s, Descriptor config) {
    try {
      HttpResponse<byte[]> resp = s.sendBytes(HttpRequest.newBuilder(s.url("blobs/" + config.digest())).GET());
      if (resp.statusCode() != 200) {
        return java.util.Optional.empty();
      }
      Platform p = ManifestJson.read(resp.body(), Platform.class);
      boolean useful = p != null && (notEmpty(p.os()) || notEmpty(p.architecture()));
      return useful ? java.util.Optional.of(p) : java.util.Optional.empty();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
