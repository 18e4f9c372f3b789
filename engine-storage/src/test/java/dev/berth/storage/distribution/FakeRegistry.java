package dev.berth.storage.distribution;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.berth.storage.digest.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny in-process Registry API V2 on 127.0.0.1 for unit tests: manifests and blobs per repository, uploads
 * (monolithic, chunked, mounts), optional basic or bearer auth with its own token endpoint, and fault injection
 * (dropped connections, corrupted blobs, a gate that holds blob downloads). Records every request.
 */
final class FakeRegistry implements AutoCloseable {
  enum Auth { NONE, BASIC, BEARER }

  private static final Pattern UPLOAD = Pattern.compile("^/v2/(.+)/blobs/uploads/(.*)$");
  private static final Pattern TAGS = Pattern.compile("^/v2/(.+)/tags/list$");
  private static final Pattern ITEM = Pattern.compile("^/v2/(.+)/(manifests|blobs)/([^/]+)$");

  final HttpServer server;
  volatile Auth auth = Auth.NONE;
  volatile String user = "alice";
  volatile String password = "secret";
  volatile boolean absoluteLocations;
  /** Answer blob GETs with a 307 to {@code http://localhost:<port>/storage/…} (another authority). */
  volatile boolean redirectBlobs;
  /** Drop the connection after this many bytes on the first GET of {@link #dropDigest}. */
  volatile int dropAfter = -1;
  volatile Digest dropDigest;
  volatile CountDownLatch blobGate;
  /** Tags per page of {@code tags/list} (the rest via {@code Link: <…?last=…>; rel="next"}); 0 for one page. */
  volatile int tagPageSize;
  final Map<Digest, byte[]> corrupt = new ConcurrentHashMap<>();
  final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicInteger blobGets = new AtomicInteger();
  private final Map<String, Map<Digest, byte[]>> blobs = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Stored>> manifests = new ConcurrentHashMap<>();
  private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();

  record Stored(String mediaType, byte[] content) {}

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  Digest putBlob(String repo, byte[] content) {
    Digest d = Digest.sha256(content);
    blobs.computeIfAbsent(repo, k -> new ConcurrentHashMap<>()).put(d, content);
    return d;
  }

  boolean hasBlob(String repo, Digest d) {
    return blobs.getOrDefault(repo, Map.of()).containsKey(d);
  }

  byte[] blob(String repo, Digest d) {
    return blobs.getOrDefault(repo, Map.of()).get(d);
  }

  Digest putManifest(String repo, String tag, String mediaType, byte[] content) {
    Digest d = Digest.sha256(content);
    Map<String, Stored> m = manifests.computeIfAbsent(repo, k -> new ConcurrentHashMap<>());
    m.put(d.toString(), new Stored(mediaType, content));
    if (tag != null) {
      m.put(tag, new Stored(mediaType, content));
    }
    return d;
  }

  Stored manifest(String repo, String ref) {
    return manifests.getOrDefault(repo, Map.of()).get(ref);
  }

  long count(String prefix) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.startsWith(prefix)).count();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery();
    String range = ex.getRequestHeaders().getFirst("Range");
    requests.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query)
        + (range == null ? "" : " range=" + range)
        + (ex.getRequestHeaders().containsKey("Authorization") ? " [auth]" : ""));
    try (ex) {
      if (path.startsWith("/storage/")) {
        String[] parts = path.substring(9).split("@");
        byte[] content = blob(parts[0], Digest.parse(parts[1]));
        ex.sendResponseHeaders(200, content.length);
        ex.getResponseBody().write(content);
        return;
      }
      if (path.equals("/token")) {
        token(ex, query);
        return;
      }
      if (path.equals("/v2/")) {
        if (authorized(ex, null, null)) {
          json(ex, 200, "{}");
        }
        return;
      }
      Matcher up = UPLOAD.matcher(path);
      if (up.matches()) {
        if (authorized(ex, up.group(1), "push")) {
          upload(ex, up.group(1), up.group(2), query);
        }
        return;
      }
      Matcher tags = TAGS.matcher(path);
      if (tags.matches()) {
        if (authorized(ex, tags.group(1), "pull")) {
          tagList(ex, tags.group(1), query == null ? null : param(query, "last"));
        }
        return;
      }
      Matcher item = ITEM.matcher(path);
      if (!item.matches()) {
        json(ex, 404, "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"The operation is unsupported.\"}]}");
        return;
      }
      String repo = item.group(1);
      boolean write = ex.getRequestMethod().equals("PUT");
      if (!authorized(ex, repo, write ? "push" : "pull")) {
        return;
      }
      if (item.group(2).equals("manifests")) {
        manifestRequest(ex, repo, item.group(3));
      } else {
        blobRequest(ex, repo, Digest.parse(item.group(3)));
      }
    } catch (DroppedConnection e) {
      throw e;
    } catch (RuntimeException e) {
      e.printStackTrace();
      json(ex, 500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"" + e + "\"}]}");
    }
  }

  private void tagList(HttpExchange ex, String repo, String last) throws IOException {
    Map<String, Stored> m = manifests.get(repo);
    if (m == null) {
      json(ex, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to"
          + " registry\",\"detail\":{\"name\":\"" + repo + "\"}}]}");
      return;
    }
    List<String> all = m.keySet().stream().filter(k -> !k.contains(":")).sorted()
        .filter(t -> last == null || t.compareTo(last) > 0).toList();
    int size = tagPageSize;
    List<String> page = size > 0 && all.size() > size ? all.subList(0, size) : all;
    if (page.size() < all.size()) {
      ex.getResponseHeaders().add("Link", "</v2/" + repo + "/tags/list?n=" + size + "&last="
          + page.get(page.size() - 1) + ">; rel=\"next\"");
    }
    json(ex, 200, "{\"name\":\"" + repo + "\",\"tags\":[" + String.join(",", page.stream()
        .map(t -> "\"" + t + "\"").toList()) + "]}");
  }

  private boolean authorized(HttpExchange ex, String repo, String action) throws IOException {
    String h = ex.getRequestHeaders().getFirst("Authorization");
    switch (auth) {
      case NONE -> {
        return true;
      }
      case BASIC -> {
        if (h != null && h.equals(TokenClient.basicHeader(AuthConfig.basic(user, password)))) {
          return true;
        }
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
        json(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\","
            + "\"detail\":null}]}");
        return false;
      }
      default -> {
        Set<String> scopes = h != null && h.startsWith("Bearer ") ? tokens.get(h.substring(7)) : null;
        String need = repo == null ? null : "repository:" + repo + ":" + action;
        if (scopes != null && (need == null || scopes.stream().anyMatch(s -> grants(s, repo, action)))) {
          return true;
        }
        String scope = repo == null ? "" : ",scope=\"repository:" + repo + ":pull" + (action.equals("push")
            ? ",push" : "") + "\"";
        ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + host()
            + "/token\",service=\"fake\"" + scope);
        json(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\","
            + "\"detail\":[{\"Type\":\"repository\"}]}]}");
        return false;
      }
    }
  }

  private static boolean grants(String scope, String repo, String action) {
    String prefix = "repository:" + repo + ":";
    return scope.startsWith(prefix) && List.of(scope.substring(prefix.length()).split(",")).contains(action);
  }

  private void token(HttpExchange ex, String query) throws IOException {
    tokenRequests.incrementAndGet();
    if (ex.getRequestMethod().equals("POST")) {
      String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!"refresh_token".equals(param(form, "grant_type")) || !"refresh-1".equals(param(form, "refresh_token"))) {
        json(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad refresh token\"}]}");
        return;
      }
      Set<String> granted = ConcurrentHashMap.newKeySet();
      granted.addAll(List.of(param(form, "scope").split(" ")));
      String token = "tok-" + UUID.randomUUID();
      tokens.put(token, granted);
      json(ex, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":300}");
      return;
    }
    String h = ex.getRequestHeaders().getFirst("Authorization");
    boolean anonymous = h == null;
    if (!anonymous && !h.equals(TokenClient.basicHeader(AuthConfig.basic(user, password)))) {
      json(ex, 401, "{\"details\":\"incorrect username or password\"}");
      return;
    }
    Set<String> granted = ConcurrentHashMap.newKeySet();
    for (String kv : query == null ? new String[0] : query.split("&")) {
      if (kv.startsWith("scope=")) {
        String s = java.net.URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
        if (!anonymous || !s.endsWith("push")) {
          granted.add(s);
        }
      }
    }
    String token = "tok-" + UUID.randomUUID();
    tokens.put(token, granted);
    String refresh = query != null && query.contains("offline_token=true") ? ",\"refresh_token\":\"refresh-1\"" : "";
    json(ex, 200, "{\"token\":\"" + token + "\",\"expires_in\":300" + refresh + "}");
  }

  private void manifestRequest(HttpExchange ex, String repo, String ref) throws IOException {
    if (ex.getRequestMethod().equals("PUT")) {
      byte[] body = ex.getRequestBody().readAllBytes();
      Digest d = putManifest(repo, ref.startsWith("sha256:") ? null : ref,
          ex.getRequestHeaders().getFirst("Content-Type"), body);
      ex.getResponseHeaders().add("Docker-Content-Digest", d.toString());
      ex.getResponseHeaders().add("Location", "/v2/" + repo + "/manifests/" + d);
      ex.sendResponseHeaders(201, -1);
      return;
    }
    Stored m = manifest(repo, ref);
    if (m == null) {
      json(ex, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\","
          + "\"detail\":{\"Tag\":\"" + ref + "\"}}]}");
      return;
    }
    ex.getResponseHeaders().add("Content-Type", m.mediaType());
    ex.getResponseHeaders().add("Docker-Content-Digest", Digest.sha256(m.content()).toString());
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().add("Content-Length", String.valueOf(m.content().length));
      ex.sendResponseHeaders(200, -1);
      return;
    }
    ex.sendResponseHeaders(200, m.content().length);
    ex.getResponseBody().write(m.content());
  }

  private void blobRequest(HttpExchange ex, String repo, Digest d) throws IOException {
    byte[] content = blob(repo, d);
    if (content == null) {
      json(ex, 404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown to registry\","
          + "\"detail\":\"" + d + "\"}]}");
      return;
    }
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.getResponseHeaders().add("Content-Length", String.valueOf(content.length));
      ex.getResponseHeaders().add("Docker-Content-Digest", d.toString());
      ex.sendResponseHeaders(200, -1);
      return;
    }
    blobGets.incrementAndGet();
    if (redirectBlobs) {
      ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/storage/"
          + repo + "@" + d);
      ex.sendResponseHeaders(307, -1);
      return;
    }
    CountDownLatch gate = blobGate;
    if (gate != null) {
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] served = corrupt.getOrDefault(d, content);
    String range = ex.getRequestHeaders().getFirst("Range");
    int start = range != null && range.startsWith("bytes=") ? Integer.parseInt(range.substring(6,
        range.indexOf('-'))) : 0;
    ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
    if (start > 0) {
      ex.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (served.length - 1) + "/"
          + served.length);
      ex.sendResponseHeaders(206, served.length - start);
    } else {
      ex.sendResponseHeaders(200, served.length);
    }
    OutputStream out = ex.getResponseBody();
    if (d.equals(dropDigest) && dropAfter >= 0) {
      int n = dropAfter;
      dropAfter = -1;
      out.write(served, start, n);
      out.flush();
      throw new DroppedConnection();
    }
    out.write(served, start, served.length - start);
  }

  private void upload(HttpExchange ex, String repo, String uuid, String query) throws IOException {
    String method = ex.getRequestMethod();
    if (method.equals("POST")) {
      String mount = param(query, "mount");
      String from = param(query, "from");
      if (mount != null && from != null && hasBlob(from, Digest.parse(mount))
          && tokenAllows(ex, from, "pull")) {
        putBlob(repo, blob(from, Digest.parse(mount)));
        ex.getResponseHeaders().add("Location", "/v2/" + repo + "/blobs/" + mount);
        ex.sendResponseHeaders(201, -1);
        return;
      }
      String id = UUID.randomUUID().toString();
      uploads.put(id, new ByteArrayOutputStream());
      location(ex, repo, id);
      ex.getResponseHeaders().add("Range", "0-0");
      ex.sendResponseHeaders(202, -1);
      return;
    }
    ByteArrayOutputStream buf = uploads.get(uuid);
    if (buf == null) {
      json(ex, 404, "{\"errors\":[{\"code\":\"BLOB_UPLOAD_UNKNOWN\",\"message\":\"blob upload unknown to "
          + "registry\",\"detail\":null}]}");
      return;
    }
    byte[] body = ex.getRequestBody().readAllBytes();
    if (method.equals("PATCH")) {
      String cr = ex.getRequestHeaders().getFirst("Content-Range");
      if (cr != null && Long.parseLong(cr.substring(0, cr.indexOf('-'))) != buf.size()) {
        ex.sendResponseHeaders(416, -1);
        return;
      }
      buf.writeBytes(body);
      location(ex, repo, uuid);
      ex.getResponseHeaders().add("Range", "0-" + (buf.size() - 1));
      ex.sendResponseHeaders(202, -1);
      return;
    }
    buf.writeBytes(body);
    Digest expected = Digest.parse(param(query, "digest"));
    if (!Digest.sha256(buf.toByteArray()).equals(expected)) {
      json(ex, 400, "{\"errors\":[{\"code\":\"DIGEST_INVALID\",\"message\":\"provided digest did not match "
          + "uploaded content\"}]}");
      return;
    }
    uploads.remove(uuid);
    putBlob(repo, buf.toByteArray());
    ex.getResponseHeaders().add("Docker-Content-Digest", expected.toString());
    ex.sendResponseHeaders(201, -1);
  }

  private boolean tokenAllows(HttpExchange ex, String repo, String action) {
    if (auth != Auth.BEARER) {
      return true;
    }
    String h = ex.getRequestHeaders().getFirst("Authorization");
    Set<String> scopes = tokens.get(h.substring(7));
    return scopes.stream().anyMatch(s -> grants(s, repo, action));
  }

  private void location(HttpExchange ex, String repo, String id) {
    String rel = "/v2/" + repo + "/blobs/uploads/" + id + "?_state=" + Base64.getUrlEncoder()
        .encodeToString(id.getBytes(StandardCharsets.UTF_8));
    ex.getResponseHeaders().add("Location", absoluteLocations ? "http://" + host() + rel : rel);
  }

  private static String param(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String kv : query.split("&")) {
      if (kv.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(kv.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** Thrown mid-body so the server closes the connection without finishing the response. */
  private static final class DroppedConnection extends RuntimeException {
    DroppedConnection() {
      super("dropped", null, false, false);
    }
  }
}
