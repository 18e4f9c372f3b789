package dev.berth.storage.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An authorised conversation with one endpoint about one repository (docker/distribution's transport with an
 * {@code Authorizer}): {@link #ping} learns the challenges from {@code GET /v2/}; every request then carries a
 * bearer token for the session's scopes (or basic credentials, or nothing). A 401 whose bearer challenge names
 * scopes the token lacks (a cross-repository mount, for instance) is retried once with those scopes added.
 * Thread-safe: parallel blob transfers share one session.
 */
final class RegistrySession {
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(15);
  private final RegistryHttp http;
  private final TokenClient tokens;
  private final RegistryEndpoint endpoint;
  private final String repository;
  private final AuthConfig auth;
  private final boolean offline;
  private final Set<String> scopes = ConcurrentHashMap.newKeySet();
  private volatile List<AuthChallenge> challenges = List.of();
  private volatile boolean pinged;
  private volatile String refreshToken;

  /**
   * @param repository the repository path ({@code library/busybox}); null for login
   * @param actions {@code pull} or {@code pull,push}; ignored without a repository
   * @param offline ask token servers for a refresh token (logins)
   */
  RegistrySession(RegistryHttp http, TokenClient tokens, RegistryEndpoint endpoint, String repository,
      String actions, AuthConfig auth, boolean offline) {
    this.http = http;
    this.tokens = tokens;
    this.endpoint = endpoint;
    this.repository = repository;
    this.auth = auth == null ? AuthConfig.ANONYMOUS : auth;
    this.offline = offline;
    if (repository != null) {
      scopes.add("repository:" + repository + ":" + actions);
    }
  }

  RegistryEndpoint endpoint() {
    return endpoint;
  }

  String repository() {
    return repository;
  }

  boolean pinged() {
    return pinged;
  }

  /** The refresh token a login's token server returned, if any (becomes the IdentityToken). */
  Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** {@code https://host/v2/<repository>/<path>}. */
  URI url(String path) {
    return endpoint.v2(repository + "/" + path);
  }

  void addScope(String scope) {
    scopes.add(scope);
  }

  /** {@code GET /v2/}: any HTTP answer is fine; a 401 tells which authentication the registry wants. */
  HttpResponse<byte[]> ping() {
    URI uri = endpoint.v2("");
    HttpRequest req = HttpRequest.newBuilder(uri).GET().timeout(PING_TIMEOUT)
        .header("User-Agent", http.userAgent()).build();
    HttpResponse<byte[]> resp = http.send(endpoint, req, HttpResponse.BodyHandlers.ofByteArray());
    if (resp.statusCode() == 400 && !endpoint.isHttps()
        && new String(resp.body(), StandardCharsets.UTF_8).contains("HTTP request to an HTTPS server")) {
      throw new RegistryUnreachableException("Get \"" + uri + "\": http: server speaks HTTPS", true, null);
    }
    if (resp.statusCode() == 401) {
      challenges = AuthChallenge.parse(resp.headers().allValues("WWW-Authenticate"));
    }
    pinged = true;
    return resp;
  }

  /** Sends with authorisation; the builder is copied, so a retry can rebuild the request. */
  <T> HttpResponse<T> send(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler) {
    HttpResponse<T> resp = sendOnce(builder, handler);
    if (resp.statusCode() != 401 || !learnScopes(resp)) {
      return resp;
    }
    close(resp);
    return sendOnce(builder, handler);
  }

  HttpResponse<byte[]> sendBytes(HttpRequest.Builder builder) {
    return send(builder, HttpResponse.BodyHandlers.ofByteArray());
  }

  private <T> HttpResponse<T> sendOnce(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler) {
    HttpRequest probe = builder.copy().build();
    HttpRequest.Builder b = builder.copy().setHeader("User-Agent", http.userAgent());
    authorization(probe.method(), probe.uri()).ifPresent(h -> b.setHeader("Authorization", h));
    return http.send(endpoint, b.build(), handler);
  }

  /** Adds the scopes of a 401's bearer challenge; true when that gave us something new to try. */
  private boolean learnScopes(HttpResponse<?> resp) {
    for (AuthChallenge c : AuthChallenge.parse(resp.headers().allValues("WWW-Authenticate"))) {
      if (c.scheme().equals("bearer") && !c.param("scope").isEmpty() && !auth.hasRegistryToken()) {
        boolean added = false;
        for (String s : c.param("scope").split(" ")) {
          added |= scopes.add(s);
        }
        if (challenges.stream().noneMatch(x -> x.scheme().equals("bearer"))) {
          challenges = List.of(c);
          added = true;
        }
        return added;
      }
    }
    return false;
  }

  private Optional<String> authorization(String method, URI uri) {
    List<AuthChallenge> cs = challenges;
    for (AuthChallenge c : cs) {
      if (c.scheme().equals("bearer")) {
        if (auth.hasRegistryToken()) {
          return Optional.of("Bearer " + auth.registryToken());
        }
        return Optional.of("Bearer " + bearer(method, uri, c, scopes));
      }
    }
    for (AuthChallenge c : cs) {
      if (c.scheme().equals("basic")) {
        if (!auth.hasBasic()) {
          throw RegistryResponseException.authorization(method, uri, 0, List.of(), "no basic auth credentials");
        }
        return Optional.of(TokenClient.basicHeader(auth));
      }
    }
    return Optional.empty();
  }

  private String bearer(String method, URI uri, AuthChallenge c, Collection<String> scopeSet) {
    try {
      BearerToken t = tokens.token(endpoint, c, List.copyOf(scopeSet), auth, offline);
      if (t.refreshToken() != null) {
        refreshToken = t.refreshToken();
      }
      return t.token();
    } catch (RegistryResponseException e) {
      throw RegistryResponseException.authorization(method, uri, e.status(), e.errors(), e.getMessage());
    } catch (RegistryUnreachableException e) {
      throw new RegistryUnreachableException(TransportErrors.op(method) + " \"" + uri + "\": " + e.getMessage(),
          e.connected(), e);
    }
  }

  static void close(HttpResponse<?> resp) {
    if (resp.body() instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // nothing more to read from a response we are discarding
      }
    }
  }
}
