package dev.berth.daemon.http.routes;

import dev.berth.api.model.system.AuthConfig;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.Json;
import java.util.Base64;

/**
 * The {@code X-Registry-Auth} header (moby {@code registry.DecodeAuthConfig}): base64url JSON credentials. Like
 * dockerd's pull, push and distribution routes, a missing or undecodable header means anonymous.
 */
final class RegistryAuth {
  static final String HEADER = "X-Registry-Auth";

  private RegistryAuth() {}

  static AuthConfig of(ApiRequest req) {
    return decode(req.headers().get(HEADER));
  }

  static AuthConfig decode(String header) {
    if (header == null || header.isBlank()) {
      return AuthConfig.anonymous();
    }
    String s = header.strip().replace('+', '-').replace('/', '_');
    while (s.endsWith("=")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      AuthConfig a = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(s), AuthConfig.class);
      return a == null ? AuthConfig.anonymous() : a;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return AuthConfig.anonymous();
    }
  }
}
