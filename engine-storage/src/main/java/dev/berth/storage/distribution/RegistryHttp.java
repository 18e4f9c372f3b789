package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * HTTP for registries on the JDK client: one {@link HttpClient} per TLS setting, HTTP/1.1 only (no h2c upgrade
 * attempts against plain-HTTP registries), redirects followed here (GET/HEAD, at most 10) so that the
 * {@code Authorization} header is dropped when a redirect leaves the registry host (blob storage on S3 and the
 * like), as Go does. I/O failures become {@link RegistryUnreachableException} with Go's wording.
 */
final class RegistryHttp implements AutoCloseable {
  private static final int MAX_REDIRECTS = 10;
  private final RegistryConfig config;
  private final RegistryTls tls;
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

  RegistryHttp(RegistryConfig config) {
    this.config = config;
    this.tls = new RegistryTls(config.certsDirs());
  }

  String userAgent() {
    return config.userAgent();
  }

  <T> HttpResponse<T> send(RegistryEndpoint endpoint, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    HttpRequest current = request;
    for (int hop = 0; ; hop++) {
      HttpClient client = clientFor(endpoint, current.uri());
      HttpResponse<T> response;
      try {
        response = client.send(current, handler);
      } catch (IOException e) {
        throw TransportErrors.of(current.method(), current.uri(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SystemException("context canceled", e);
      }
      String location = response.headers().firstValue("Location").orElse(null);
      boolean redirect = switch (response.statusCode()) {
        case 301, 302, 303, 307, 308 -> true;
        default -> false;
      };
      String method = current.method();
      if (!redirect || location == null || !(method.equals("GET") || method.equals("HEAD"))) {
        return response;
      }
      if (hop >= MAX_REDIRECTS) {
        throw new SystemException(TransportErrors.op(method) + " \"" + current.uri()
            + "\": stopped after 10 redirects");
      }
      discard(response);
      URI next = current.uri().resolve(location);
      boolean sameHost = Objects.equals(next.getRawAuthority(), current.uri().getRawAuthority());
      current = HttpRequest.newBuilder(current, (name, value) -> sameHost
          || !name.equalsIgnoreCase("Authorization")).uri(next).build();
    }
  }

  private static void discard(HttpResponse<?> response) {
    if (response.body() instanceof java.io.InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the body of a redirect is never needed
      }
    }
  }

  /** The endpoint's client for its own host; a default, verifying client for hosts a redirect leads to. */
  private HttpClient clientFor(RegistryEndpoint endpoint, URI uri) {
    boolean own = Objects.equals(uri.getRawAuthority(), endpoint.hostPort())
        && uri.getScheme().equals(endpoint.base().getScheme());
    if (!uri.getScheme().equals("https")) {
      return clients.computeIfAbsent("plain", k -> build(null));
    }
    if (!own) {
      return clients.computeIfAbsent("default", k -> build(defaultContext()));
    }
    String key = endpoint.insecure() ? "insecure" : "tls:" + endpoint.hostPort();
    return clients.computeIfAbsent(key, k -> build(tls.contextFor(endpoint)));
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("TLS is required by every JDK", e);
    }
  }

  private HttpClient build(SSLContext ssl) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(config.connectTimeout());
    if (ssl != null) {
      b.sslContext(ssl);
    }
    return b.build();
  }

  @Override
  public void close() {
    clients.values().forEach(HttpClient::shutdownNow);
    clients.clear();
  }
}
