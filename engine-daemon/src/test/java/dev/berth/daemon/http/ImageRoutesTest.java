package dev.berth.daemon.http;

import static dev.berth.daemon.http.TestConnection.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.daemon.http.routes.ImageRoutes;
import dev.berth.daemon.http.routes.RegistryRoutes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The image and registry route tables over a fake backend, on an embedded connection. */
class ImageRoutesTest {
  private final FakeImageBackend backend = new FakeImageBackend();
  private final TestConnection c = new TestConnection(() -> {
    List<Route> all = new java.util.ArrayList<>(new RegistryRoutes(backend).routes());
    all.addAll(new ImageRoutes(backend).routes());
    return all;
  }, TestConnection.DIRECT);

  @AfterEach
  void close() {
    c.close();
  }

  private static String post(String path, String... headers) {
    return "POST " + path + " HTTP/1.1\r\nHost: d\r\n" + String.join("", headers) + "Content-Length: 0\r\n\r\n";
  }

  @Test
  void fixedPaths_winOverNamePatterns_andNamesMaySpanSlashes() {
    assertEquals(200, c.exchange(get("/v1.50/images/json")).status());
    assertEquals(200, c.exchange(get("/images/get?names=a&names=b:1")).status());
    assertEquals(200, c.exchange(get("/images/search?term=x")).status());
    assertEquals(200, c.exchange(get("/images/127.0.0.1:5000/a/b:c/json")).status());
    assertEquals(200, c.exchange(get("/images/reg.io/a@sha256:" + "a".repeat(64) + "/history")).status());
    assertEquals(200, c.exchange("DELETE /images/a/b:c?force=1 HTTP/1.1\r\nHost: d\r\n\r\n").status());
    assertEquals(List.of("list all=false shared=false", "save [a, b:1]", "search x 25",
        "inspect 127.0.0.1:5000/a/b:c", "history reg.io/a@sha256:" + "a".repeat(64),
        "delete a/b:c force=true noprune=false"), backend.calls);
  }

  @Test
  void tag_is201WithoutBody() {
    WireResponse r = c.exchange(post("/images/sha256:aa/tag?repo=x/y&tag=2"));
    assertEquals(201, r.status());
    assertEquals("", r.body());
    assertEquals(List.of("tag sha256:aa x/y 2"), backend.calls);
  }

  @Test
  void pullFailingBeforeTheFirstLine_getsTheErrorsStatus() {
    backend.failure = new NotFoundException("manifest for x:nope not found: manifest unknown: manifest unknown");
    WireResponse r = c.exchange(post("/images/create?fromImage=x&tag=nope"));
    assertEquals(404, r.status());
    assertEquals("{\"message\":\"manifest for x:nope not found: manifest unknown: manifest unknown\"}\n", r.body());
  }

  @Test
  void pullFailingLater_endsWithAnErrorDetailLine_andCarriesTheDecodedAuth() {
    backend.messages.add(JsonMessage.status("nope", "Pulling from library/x"));
    backend.failure = new IllegalStateException("unexpected EOF");
    String auth = Base64.getUrlEncoder().encodeToString(
        "{\"username\":\"alice\",\"password\":\"s\",\"serveraddress\":\"r:5000\"}".getBytes(StandardCharsets.UTF_8));
    c.send(post("/images/create?fromImage=x&tag=1&platform=linux/arm64", "X-Registry-Auth: " + auth + "\r\n"));
    WireResponse r = WireResponse.parse(c.output()).get(0);
    assertEquals(200, r.status());
    assertEquals(List.of("{\"status\":\"Pulling from library/x\",\"id\":\"nope\"}\r\n",
        "{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}\r\n"), r.chunks());
    assertEquals("alice", backend.lastAuth.username());
    assertEquals(List.of("pull x 1 linux/arm64"), backend.calls);
  }

  @Test
  void loadFailure_isReportedInTheStream() {
    backend.failure = new dev.berth.api.errors.InvalidParameterException("invalid tar entry \"../x\"");
    c.send(post("/images/load?quiet=1"));
    WireResponse r = WireResponse.parse(c.output()).get(0);
    assertEquals(200, r.status());
    assertTrue(r.body().contains("\"errorDetail\":{\"message\":\"invalid tar entry \\\"../x\\\"\"}"), r.body());
    assertEquals(List.of("load quiet=true"), backend.calls);
  }

  @Test
  void importPassesRepeatedChanges() {
    backend.messages.add(JsonMessage.status("sha256:bb"));
    WireResponse r = c.exchange(post("/images/create?fromSrc=-&repo=a&tag=1&changes=CMD+%5B%22sh%22%5D"
        + "&changes=ENV+A%3D1"));
    assertEquals(200, r.status());
    assertEquals(List.of("import - a 1 [CMD [\"sh\"], ENV A=1]"), backend.calls);
  }

  @Test
  void legacyFilterParameter_becomesAReferenceFilterBelow141() {
    c.exchange(get("/v1.40/images/json?filter=busy*"));
    assertEquals(Set.of("busy*"), backend.lastFilters.values("reference"));
    c.exchange(get("/v1.41/images/json?filter=busy*"));
    assertFalse(backend.lastFilters.contains("reference"));
  }

  @Test
  void inspectBelow150_hasTheLegacyContainerConfig() {
    String legacy = c.exchange(get("/v1.49/images/x/json")).body();
    String current = c.exchange(get("/v1.50/images/x/json")).body();
    assertTrue(legacy.contains("\"Hostname\""), legacy);
    assertFalse(current.contains("\"Hostname\""), current);
  }

  @Test
  void auth_decodesTheBody() throws InterruptedException {
    String body = "{\"username\":\"alice\",\"password\":\"pw\",\"serveraddress\":\"127.0.0.1:5000\"}";
    TestConnection.ThreadExecutor threads = new TestConnection.ThreadExecutor();
    WireResponse r;
    try (TestConnection t = new TestConnection(new RegistryRoutes(backend), threads)) {
      t.send("POST /auth HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n" + body);
      threads.awaitAll();
      t.channel.runPendingTasks();
      r = WireResponse.parse(t.output()).get(0);
    }
    assertEquals(200, r.status());
    assertEquals("{\"IdentityToken\":\"\",\"Status\":\"Login Succeeded\"}\n", r.body());
    assertEquals(List.of("login alice@127.0.0.1:5000"), backend.calls);
  }
}
