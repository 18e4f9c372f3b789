package dev.berth.daemon.http;

import static dev.berth.daemon.http.TestConnection.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link HttpConnectionHandler} manages a connection: keep-alive and pipelining, closing, malformed input,
 * and request bodies streamed to handlers running on their own threads.
 */
class HttpConnectionLifecycleTest {
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

  @Test
  void keepAlive_pipelinedRequestsAnsweredInOrder() {
    TestConnection c = open(TestConnection.DIRECT);
    c.send(get("/echo/1") + get("/nope") + get("/echo/2"));
    List<WireResponse> rs = WireResponse.parse(c.output());
    assertEquals(3, rs.size());
    assertTrue(rs.get(0).body().contains("\"id\":\"1\""));
    assertEquals(404, rs.get(1).status());
    assertTrue(rs.get(2).body().contains("\"id\":\"2\""));
    assertTrue(c.isOpen());
  }

  @Test
  void keepAlive_sequentialRequests() {
    TestConnection c = open(TestConnection.DIRECT);
    for (int i = 0; i < 3; i++) {
      assertTrue(c.exchange(get("/echo/" + i)).body().contains("\"id\":\"" + i + "\""));
    }
    assertTrue(c.isOpen());
  }

  @Test
  void connectionClose_isHonouredAndAnnounced() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange("GET /hello HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n");
    assertEquals(200, r.status());
    assertEquals("close", r.header("Connection"));
    assertFalse(c.isOpen());
  }

  @Test
  void connectionClose_onAnError() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange("GET /nope HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n");
    assertEquals(404, r.status());
    assertEquals("close", r.header("Connection"));
    assertFalse(c.isOpen());
  }

  @Test
  void connectionClose_onAStream() {
    TestConnection c = open(TestConnection.DIRECT);
    WireResponse r = c.exchange("GET /stream HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n");
    assertEquals("close", r.header("Connection"));
    assertEquals(List.of("{\"n\":1}\n", "{\"n\":2}\n"), r.chunks());
    assertFalse(c.isOpen());
  }

  @Test
  void http10_closesByDefault() {
    TestConnection c = open(TestConnection.DIRECT);
    c.send("GET /hello HTTP/1.0\r\n\r\n");
    assertTrue(c.output().contains("{\"hello\":\"world\"}"));
    assertFalse(c.isOpen());
  }

  @Test
  void malformedRequest_is400AndCloses() {
    TestConnection c = open(TestConnection.DIRECT);
    c.send("GET /hello HTTX/1.1\r\nHost: d\r\n\r\n");
    WireResponse r = WireResponse.parse(c.output()).get(0);
    assertEquals(400, r.status());
    assertEquals("{\"message\":\"malformed HTTP request\"}\n", r.body());
    assertEquals("close", r.header("Connection"));
    assertFalse(c.isOpen());
  }

  @Test
  void unreadBody_isDiscardedAndTheNextRequestIsServed() {
    TestConnection c = open(TestConnection.DIRECT);
    c.send("POST /ignore-body HTTP/1.1\r\nHost: d\r\nContent-Length: 11\r\n\r\nhello");
    c.send(" world" + get("/hello"));
    List<WireResponse> rs = WireResponse.parse(c.output());
    assertEquals(2, rs.size());
    assertEquals(200, rs.get(0).status());
    assertEquals("{\"hello\":\"world\"}\n", rs.get(1).body());
  }

  @Test
  void inputShutdown_whenIdle_closes() {
    TestConnection c = open(TestConnection.DIRECT);
    c.exchange(get("/hello"));
    c.channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    c.channel.runPendingTasks();
    assertFalse(c.isOpen());
  }

  @Test
  void requestBody_isStreamedToTheHandler() throws Exception {
    TestConnection.ThreadExecutor executor = new TestConnection.ThreadExecutor();
    TestConnection c = open(executor);
    c.send("POST /upload HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "10\r\nfirst chunk, 16b\r\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (router.uploadProgress.get() < 16 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(16, router.uploadProgress.get(), "the handler reads bytes before the request has ended");
    c.send("6\r\n, rest\r\n0\r\n\r\n");
    router.uploadGo.countDown();
    executor.awaitAll();
    c.channel.runPendingTasks();
    WireResponse r = WireResponse.parse(c.output()).get(0);
    assertEquals("first chunk, 16b, rest", new String(router.uploaded.get(), StandardCharsets.UTF_8));
    assertEquals("{\"size\":22}\n", r.body());
    assertTrue(c.isOpen());
  }

  @Test
  void requestBody_withContentLength_thenKeepAlive() throws Exception {
    TestConnection.ThreadExecutor executor = new TestConnection.ThreadExecutor();
    TestConnection c = open(executor);
    byte[] payload = new byte[100_000];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) ('a' + i % 26);
    }
    String body = new String(payload, StandardCharsets.ISO_8859_1);
    c.send("POST /upload HTTP/1.1\r\nHost: d\r\nContent-Type: application/octet-stream\r\nContent-Length: "
        + payload.length + "\r\n\r\n" + body);
    router.uploadGo.countDown();
    executor.awaitAll();
    c.channel.runPendingTasks();
    assertEquals(body, new String(router.uploaded.get(), StandardCharsets.ISO_8859_1));
    assertEquals("{\"size\":100000}\n", WireResponse.parse(c.output()).get(0).body());

    c.send(get("/hello"));
    executor.awaitAll();
    c.channel.runPendingTasks();
    assertEquals("{\"hello\":\"world\"}\n", WireResponse.parse(c.output()).get(0).body());
  }

  @org.junit.jupiter.api.Disabled("bug: a malformed chunked body ends the body stream normally (truncated data looks "
      + "complete to the handler, which answers 200)")
  @Test
  void malformedChunkedBody_isNotSeenAsACompleteBody() throws Exception {
    TestConnection.ThreadExecutor executor = new TestConnection.ThreadExecutor();
    TestConnection c = open(executor);
    c.send("POST /upload HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n");
    router.uploadGo.countDown();
    executor.awaitAll();
    c.channel.runPendingTasks();
    String raw = c.output();
    assertFalse(raw.startsWith("HTTP/1.1 200"), "a truncated upload must not succeed: " + raw);
  }
}
