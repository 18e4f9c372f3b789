package dev.berth.storage.distribution;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.distribution.manifest.ManifestJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decodes {@code X-Registry-Auth} (moby {@code authconfig.Decode}): base64url JSON. Leniently also accepts the
 * standard alphabet, missing padding and surrounding whitespace. Empty, or {@code {}}, means anonymous.
 */
public final class RegistryAuthHeader {
  private RegistryAuthHeader() {}

  /** @throws InvalidParameterException with dockerd's "invalid X-Registry-Auth header: …" message */
  public static AuthConfig decode(String header) {
    if (header == null || header.isBlank()) {
      return AuthConfig.ANONYMOUS;
    }
    String s = header.strip().replace('-', '+').replace('_', '/');
    while (s.endsWith("=")) {
      s = s.substring(0, s.length() - 1);
    }
    byte[] json;
    try {
      json = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          "invalid X-Registry-Auth header: must be a valid base64url-encoded string", e);
    }
    return decodeJson(json);
  }

  /** Like {@link #decode} but falls back to anonymous on any error, as dockerd's pull/push/inspect routes do. */
  public static AuthConfig decodeOrAnonymous(String header) {
    try {
      return decode(header);
    } catch (InvalidParameterException e) {
      return AuthConfig.ANONYMOUS;
    }
  }

  /** The JSON form, as in the {@code POST /auth} body (moby {@code DecodeRequestBody}). */
  public static AuthConfig decodeJson(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8).strip();
    if (text.isEmpty() || text.equals("{}")) {
      return AuthConfig.ANONYMOUS;
    }
    try (JsonParser p = ManifestJson.MAPPER.createParser(json)) {
      AuthConfig cfg = ManifestJson.MAPPER.readValue(p, AuthConfig.class);
      if (cfg == null) {
        return AuthConfig.ANONYMOUS;
      }
      if (p.nextToken() != null && p.currentToken() != JsonToken.NOT_AVAILABLE) {
        throw new InvalidParameterException(
            "invalid X-Registry-Auth header: multiple JSON documents not allowed");
      }
      return cfg;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidParameterException("invalid X-Registry-Auth header: invalid JSON: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid X-Registry-Auth header: invalid JSON: " + e.getMessage(), e);
    }
  }
}
