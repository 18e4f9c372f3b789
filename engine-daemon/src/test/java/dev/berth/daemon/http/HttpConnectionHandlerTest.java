package dev.berth.daemon.http;

import static dev.berth.daemon.http.TestConnection.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link HttpConnectionHandler} writes for each kind of {@link ApiResponse} and failure. */
class HttpConnectionHandlerTest {
  private final TestRouter router = new TestRouter();
  private TestConnection connection;

  private TestConnection open(java.util.concurrent.Executor executor) {
    connection = new TestConnection(router, executor);
    return connection;
  }

  @AfterEach
  void close() {
    if (connection != null) {
      connection.close();
    }
  }

  private static void assertIdentity(WireResponse r) {
    assertEquals("1.50", r.header("Api-Version"));
    assertEquals("Docker/28.2.2 (linux)", r.header("Server"));
    assertEquals("linux", r.header("Ostype"));
    assertEquals("false", r.header("Docker-Experimental"));
  }

  @Test
  void json_withContentLengthAndIdentityHeaders() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange(get("/hello"));
    assertEquals(200, r.status());
    assertEquals("OK", r.reason());
    assertEquals("{\"hello\":\"world\"}\n", r.body());
    assertEquals(String.valueOf(r.body().length()), r.header("Content-Length"));
    assertEquals("application/json", r.header("Content-Type"));
    assertNull(r.header("Connection"));
    assertIdentity(r);
    assertTrue(c.isOpen(), "HTTP/1.1 keeps the connection");
  }

  @Test
  void requestDetails_reachTheHandler() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange(get("/v1.41/echo/c0ffee?x=1&x=two%20words"));
    assertEquals("{\"id\":\"c0ffee\",\"method\":\"GET\",\"path\":\"/echo/c0ffee\",\"version\":\"1.41\","
        + "\"x\":[\"1\",\"two words\"]}\n", r.body());
    WireResponse unversioned = c.exchange(get("/echo/1"));
    assertTrue(unversioned.body().contains("\"version\":\"1.50\""), unversioned.body());
  }

  @Test
  void bytesAndExtraHeaders() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse text = c.exchange(get("/text"));
    assertEquals("OK", text.body());
    assertEquals("text/plain; charset=utf-8", text.header("Content-Type"));
    assertEquals("2", text.header("Content-Length"));
    WireResponse extra = c.exchange(get("/extra"));
    assertEquals(201, extra.status());
    assertEquals("yes", extra.header("X-Extra"));
    assertEquals("[1,2]\n", extra.body());
  }

  @Test
  void unknownPath_is404Json() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange(get("/v1.41/nope"));
    assertEquals(404, r.status());
    assertEquals("{\"message\":\"page not found\"}\n", r.body());
    assertEquals("application/json", r.header("Content-Type"));
    assertIdentity(r);
    assertTrue(c.isOpen());
  }

  @Test
  void versionTooNew_is400WithDockerdText() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange(get("/v1.99/hello"));
    assertEquals(400, r.status());
    assertEquals("{\"message\":\"client version 1.99 is too new. Maximum supported API version is 1.50\"}\n",
        r.body());
  }

  @Test
  void head_hasHeadersAndNoBody_andTheConnectionStaysUsable() {
    TestConnection c = open(TestConnection.DIRECT);
    String expectedBody = "{\"hello\":\"world\"}\n";
    c.send("HEAD /hello HTTP/1.1\r\nHost: d\r\n\r\n" + get("/hello"));
    List<WireResponse> rs = WireResponse.parse(c.output(), true, false);
    assertEquals(2, rs.size());
    WireResponse head = rs.get(0);
    assertEquals(200, head.status());
    assertEquals("", head.body());
    assertEquals(String.valueOf(expectedBody.length()), head.header("Content-Length"));
    assertEquals("application/json", head.header("Content-Type"));
    assertIdentity(head);
    assertEquals(expectedBody, rs.get(1).body(), "no stray body bytes before the next response");
  }

  @Test
  void headOfUnknownPath_is404WithoutBody() {
    TestConnection c = open(TestConnection.DIRECT);
    c.send("HEAD /nope HTTP/1.1\r\nHost: d\r\n\r\n" + get("/hello"));
    List<WireResponse> rs = WireResponse.parse(c.output(), true, false);
    assertEquals(404, rs.get(0).status());
    assertEquals("", rs.get(0).body());
    assertEquals(200, rs.get(1).status());
  }

  @Test
  void conflict_is409Message() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange("POST /v1.41/conflict HTTP/1.1\r\nHost: d\r\nContent-Length: 0\r\n\r\n");
    assertEquals(409, r.status());
    assertEquals("{\"message\":\"container abc is running\"}\n", r.body());
    assertIdentity(r);
  }

  @Test
  void unexpectedFailure_is500Message() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange(get("/boom"));
    assertEquals(500, r.status());
    assertEquals("{\"message\":\"boom\"}\n", r.body());
  }

  @Test
  void notModified_is304WithoutBody() {
    TestConnection c = open(TestConnection.DIRECT);
    c.send("POST /start HTTP/1.1\r\nHost: d\r\nContent-Length: 0\r\n\r\n" + get("/hello"));
    String raw = c.output();
    assertTrue(raw.startsWith("HTTP/1.1 304 Not Modified\r\n"), raw);
    List<WireResponse> rs = WireResponse.parse(raw);
    assertEquals(304, rs.get(0).status());
    assertEquals(200, rs.get(1).status());
  }

  @Test
  void noContent_hasNoBodyOrContentType() {
    TestConnection c = open(TestConnection.DIRECT);
    c.send("DELETE /empty HTTP/1.1\r\nHost: d\r\n\r\n" + get("/hello"));
    String raw = c.output();
    assertTrue(raw.startsWith("HTTP/1.1 204 No Content\r\n"), raw);
    List<WireResponse> rs = WireResponse.parse(raw);
    assertNull(rs.get(0).header("Content-Type"));
    assertEquals(200, rs.get(1).status(), "the next response follows the 204 head directly");
  }

  @Test
  void stream_isChunked() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange(get("/stream"));
    assertEquals(200, r.status());
    assertEquals("chunked", r.header("Transfer-Encoding"));
    assertEquals("application/json", r.header("Content-Type"));
    assertNull(r.header("Content-Length"));
    assertIdentity(r);
    assertEquals(List.of("{\"n\":1}\n", "{\"n\":2}\n"), r.chunks(), "each message is flushed as its own chunk");
    assertTrue(r.complete(), "terminated by the zero-length chunk");
    assertTrue(c.isOpen());
    assertEquals(200, c.exchange(get("/hello")).status(), "keep-alive after a stream");
  }

  @Test
  void streamFailingBeforeCommit_getsARealErrorStatus() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange(get("/stream-fails-early"));
    assertEquals(409, r.status());
    assertEquals("{\"message\":\"no such thing yet\"}\n", r.body());
    assertTrue(c.isOpen());
  }

  @Test
  void streamFailingAfterCommit_isCutShortAndClosed() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange(get("/stream-fails-late"));
    assertEquals(200, r.status());
    assertEquals(List.of("{\"n\":1}\n"), r.chunks());
    assertFalse(r.complete(), "no terminating chunk: the client sees a truncated body");
    assertFalse(c.isOpen());
  }

  @Test
  void headOfAStreamRoute_sendsNoBodyBytes() {
    TestConnection c = open(TestConnection.DIRECT);
    c.send("HEAD /stream HTTP/1.1\r\nHost: d\r\n\r\n" + get("/hello"));
    String raw = c.output();
    List<WireResponse> rs = WireResponse.parse(raw, true, false);
    assertEquals(2, rs.size(), raw);
    assertEquals(200, rs.get(0).status());
    assertEquals("{\"hello\":\"world\"}\n", rs.get(1).body(), raw);
  }
}
