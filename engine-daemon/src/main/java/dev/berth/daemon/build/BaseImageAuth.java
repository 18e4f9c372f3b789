package dev.berth.daemon.build;

import dev.berth.api.model.system.AuthConfig;
import dev.berth.storage.reference.ImageReference;
import java.util.Map;

/**
 * Picks the credentials for a base image pull from the build's {@code X-Registry-Config} (moby
 * {@code registry.ResolveAuthConfig}): the entry named like the image's registry, where keys may also be URLs
 * ({@code https://index.docker.io/v1/} for Docker Hub, {@code http://127.0.0.1:5000/v2/}); none means anonymous.
 */
final class BaseImageAuth {
  private static final String HUB_INDEX = "https://index.docker.io/v1/";

  private BaseImageAuth() {}

  static AuthConfig forImage(Map<String, AuthConfig> configs, String ref) {
    if (configs.isEmpty()) {
      return null;
    }
    String domain;
    try {
      domain = ImageReference.parse(ref).domain();
    } catch (RuntimeException e) {
      return null;
    }
    boolean hub = domain.equals("docker.io");
    AuthConfig exact = configs.get(hub ? HUB_INDEX : domain);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, AuthConfig> e : configs.entrySet()) {
      String host = hostOf(e.getKey());
      if (host.equals(domain) || (hub && (host.equals("index.docker.io") || host.equals("registry-1.docker.io")))) {
        return e.getValue();
      }
    }
    return null;
  }

  /** {@code https://host:port/v1/} → {@code host:port}. */
  static String hostOf(String key) {
    String s = key;
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    return slash >= 0 ? s.substring(0, slash) : s;
  }
}
