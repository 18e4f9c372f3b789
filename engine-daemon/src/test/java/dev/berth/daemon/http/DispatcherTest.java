package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DispatcherTest {
  private static final Route PING = Route.get("/_ping", r -> ApiResponse.ok());
  private static final Route HEAD_PING = Route.head("/_ping", r -> ApiResponse.ok());
  private static final Route VERSION = Route.get("/version", r -> ApiResponse.ok());
  private static final Route INSPECT = Route.get("/containers/{id}/json", r -> ApiResponse.ok());
  private static final Route START = Route.post("/containers/{id}/start", r -> ApiResponse.ok());
  private static final Route DELETE = Route.delete("/containers/{id}", r -> ApiResponse.ok());
  private static final Route PUT = Route.put("/containers/{id}/archive", r -> ApiResponse.ok());
  private static final Route IMAGE = Route.get("/images/{name:.*}/json", r -> ApiResponse.ok());
  private static final Route TAG = Route.post("/images/{name:.*}/tag", r -> ApiResponse.ok());
  private static final Route DF = Route.get("/system/df", r -> ApiResponse.ok()).minApiVersion("1.25");
  private static final Route NEW = Route.get("/new", r -> ApiResponse.ok()).minApiVersion("1.44");

  private final Dispatcher dispatcher = new Dispatcher(List.of(
      () -> List.of(PING, HEAD_PING, VERSION),
      () -> List.of(INSPECT, START, DELETE, PUT),
      () -> List.of(IMAGE, TAG, DF, NEW)));

  private Dispatcher.Match resolve(String method, String path) {
    return dispatcher.resolve(HttpMethod.valueOf(method), path);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET,    /_ping,                       /_ping,                  1.50",
      "GET,    /v1.41/_ping,                 /_ping,                  1.41",
      "GET,    /v1.24/version,               /version,                1.24",
      "GET,    /v1.50/version,               /version,                1.50",
      "GET,    /v1.50.0/version,             /version,                1.50.0",
      "POST,   /v1.43/containers/abc/start,  /containers/abc/start,   1.43",
      "DELETE, /containers/abc,              /containers/abc,         1.50",
      "PUT,    /v1.41/containers/abc/archive,/containers/abc/archive, 1.41",
  })
  void versionedAndUnversioned(String method, String raw, String path, String version) {
    Dispatcher.Match m = resolve(method, raw);
    assertEquals(path, m.path());
    assertEquals(version, m.version());
  }

  @Test
  void pathParameters() {
    Dispatcher.Match m = resolve("GET", "/v1.41/containers/f00ba4/json");
    assertSame(INSPECT, m.route());
    assertEquals(Map.of("id", "f00ba4"), m.params());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/images/busybox/json,                               busybox",
      "/v1.41/images/busybox:latest/json,                  busybox:latest",
      "/images/docker.io/library/busybox:1.36/json,        docker.io/library/busybox:1.36",
      "/v1.45/images/localhost:5000/a/b@sha256:abcd/json,  localhost:5000/a/b@sha256:abcd",
  })
  void greedyParameter_spansSlashes(String raw, String name) {
    Dispatcher.Match m = resolve("GET", raw);
    assertSame(IMAGE, m.route());
    assertEquals(name, m.params().get("name"));
  }

  @Test
  void plainParameter_doesNotSpanSlashes() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> resolve("GET", "/containers/a/b/json"));
    assertEquals("page not found", e.getMessage());
  }

  @Test
  void head_prefersHeadRoute_elseFallsBackToGet() {
    assertSame(HEAD_PING, resolve("HEAD", "/_ping").route());
    assertSame(VERSION, resolve("HEAD", "/v1.41/version").route());
    assertSame(IMAGE, resolve("HEAD", "/images/a/b/json").route());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET,    /nope",
      "GET,    /v1.41/nope",
      "GET,    /v9.99/nope",
      "GET,    /v1.01/nope",
      "POST,   /_ping",
      "GET,    /containers/abc/start",
      "GET,    /v1.41",
      "GET,    /v1.41/",
      "GET,    /vx/_ping",
      "GET,    /v1.41abc/_ping",
      "GET,    /_ping/",
      "GET,    /",
      "GET,    ''",
      "HEAD,   /nope",
      "OPTIONS,/_ping",
  })
  void unknown_isPageNotFound_whateverTheVersion(String method, String raw) {
    NotFoundException e = assertThrows(NotFoundException.class, () -> resolve(method, raw));
    assertEquals("page not found", e.getMessage());
  }

  @Test
  void knownPath_tooNewVersion_isDockerdError() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> resolve("GET", "/v9.99/_ping"));
    assertEquals("client version 9.99 is too new. Maximum supported API version is 1.50", e.getMessage());
  }

  @Test
  void knownPath_tooOldVersion_isDockerdError() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> resolve("GET", "/v1.12/_ping"));
    assertEquals("client version 1.12 is too old. Minimum supported API version is 1.24, "
        + "please upgrade your client to a newer version", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/v1.24/system/df | client version 1.24 is too old. Minimum supported API version is 1.25, please upgrade your client to a newer version",
      "/v1.43/new       | client version 1.43 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version",
  })
  void perRouteMinimum(String raw, String message) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> resolve("GET", raw));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"/v1.25/system/df", "/system/df", "/v1.44/new", "/new", "/v1.50/new"})
  void perRouteMinimum_met(String raw) {
    resolve("GET", raw);
  }

  @Test
  void firstMatchingRouteWins() {
    Route first = Route.get("/things/{id}", r -> ApiResponse.ok());
    Route second = Route.get("/things/special", r -> ApiResponse.ok());
    Dispatcher d = new Dispatcher(List.of(() -> List.of(first, second)));
    assertSame(first, d.resolve(HttpMethod.GET, "/things/special").route());
  }

  @Test
  void templateLiteralsAreQuoted() {
    Route r = Route.get("/a.b/{x}", req -> ApiResponse.ok());
    assertNull(r.match("/aXb/1"));
    assertEquals(Map.of("x", "1"), r.match("/a.b/1"));
    assertEquals("/a.b/{x}", r.template());
    assertEquals(ApiVersion.MIN, r.minApiVersion());
  }
}
