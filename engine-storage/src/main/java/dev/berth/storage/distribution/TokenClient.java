package dev.berth.storage.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.storage.distribution.manifest.ManifestJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Gets bearer tokens from the realm of a {@code Bearer} challenge (docker/distribution {@code tokenHandler}):
 * with an identity token, an OAuth2 {@code refresh_token} POST; otherwise a GET with {@code service},
 * {@code scope}s and basic credentials (plus {@code offline_token=true&client_id=docker} for logins, which asks for
 * a refresh token to hand back as the IdentityToken). {@code token} or {@code access_token} is accepted;
 * {@code expires_in} below 60 s counts as 60 s.
 */
final class TokenClient {
  static final String CLIENT_ID = "docker";
  private static final int MIN_LIFETIME_SECONDS = 60;
  private final RegistryHttp http;
  private final TokenCache cache;

  TokenClient(RegistryHttp http, TokenCache cache) {
    this.http = http;
    this.cache = cache;
  }

  /** A cached or fresh token; throws {@link RegistryResponseException} when the token server refuses. */
  BearerToken token(RegistryEndpoint endpoint, AuthChallenge challenge, Collection<String> scopes, AuthConfig auth,
      boolean offline) {
    String key = TokenCache.key(challenge, scopes, auth);
    if (!offline) {
      var cached = cache.get(key);
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    BearerToken t = auth.hasIdentityToken() ? oauth(endpoint, challenge, scopes, auth)
        : basic(endpoint, challenge, scopes, auth, offline);
    cache.put(key, t);
    return t;
  }

  private BearerToken basic(RegistryEndpoint endpoint, AuthChallenge challenge, Collection<String> scopes,
      AuthConfig auth, boolean offline) {
    List<String> query = new ArrayList<>();
    if (!challenge.param("service").isEmpty()) {
      query.add("service=" + enc(challenge.param("service")));
    }
    for (String s : scopes) {
      query.add("scope=" + enc(s));
    }
    if (offline) {
      query.add("offline_token=true");
      query.add("client_id=" + CLIENT_ID);
    }
    if (auth.hasBasic()) {
      query.add("account=" + enc(auth.username()));
    }
    String realm = challenge.param("realm");
    URI uri = URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + String.join("&", query)));
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30))
        .header("User-Agent", http.userAgent());
    if (auth.hasBasic()) {
      req.header("Authorization", basicHeader(auth));
    }
    return parse(http.send(endpoint, req.build(), HttpResponse.BodyHandlers.ofByteArray()), null);
  }

  private BearerToken oauth(RegistryEndpoint endpoint, AuthChallenge challenge, Collection<String> scopes,
      AuthConfig auth) {
    String form = "grant_type=refresh_token&refresh_token=" + enc(auth.identityToken())
        + "&service=" + enc(challenge.param("service")) + "&client_id=" + CLIENT_ID
        + "&scope=" + enc(String.join(" ", scopes));
    HttpRequest req = HttpRequest.newBuilder(URI.create(challenge.param("realm")))
        .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("User-Agent", http.userAgent()).build();
    return parse(http.send(endpoint, req, HttpResponse.BodyHandlers.ofByteArray()), auth.identityToken());
  }

  private BearerToken parse(HttpResponse<byte[]> resp, String usedRefreshToken) {
    if (resp.statusCode() < 200 || resp.statusCode() > 399) {
      throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
    }
    JsonNode tree;
    try {
      tree = ManifestJson.MAPPER.readTree(resp.body());
    } catch (IOException e) {
      throw new RegistryResponseException(resp.statusCode(), List.of(),
          "unable to decode token response: " + e.getMessage());
    }
    String token = tree.path("access_token").asText("");
    if (token.isEmpty()) {
      token = tree.path("token").asText("");
    }
    if (token.isEmpty()) {
      throw new RegistryResponseException(resp.statusCode(), List.of(),
          "authorization server did not include a token in the response");
    }
    int expiresIn = Math.max(tree.path("expires_in").asInt(0), MIN_LIFETIME_SECONDS);
    Instant issued = cacheNow();
    String issuedAt = tree.path("issued_at").asText("");
    if (!issuedAt.isEmpty()) {
      try {
        issued = OffsetDateTime.parse(issuedAt).toInstant();
      } catch (RuntimeException ignored) {
        // optional field; keep "now"
      }
    }
    String refresh = tree.path("refresh_token").asText("");
    return new BearerToken(token, issued.plusSeconds(expiresIn),
        refresh.isEmpty() || refresh.equals(usedRefreshToken) ? null : refresh);
  }

  private Instant cacheNow() {
    return cache.clock().instant();
  }

  static String basicHeader(AuthConfig auth) {
    String raw = auth.username() + ":" + auth.password();
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
