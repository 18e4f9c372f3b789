package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.NotModifiedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection handler behind {@link HttpServerCodec}, on an {@link EmbeddedChannel}: raw request bytes in,
 * encoded response bytes out (netty's {@code HttpObjectAggregatorTest} style).
 *
 * <p>Most tests run handlers on the test thread ({@code Runnable::run}), which is also the embedded event loop.
 * Handlers that read a request body must run on another thread, because the body arrives after the handler has
 * been started; {@link ThreadExecutor} does that, and the test only touches the channel again after the handler
 * thread has finished (an {@code EmbeddedChannel} is not thread-safe).
 */
class HttpConnectionHandlerTest {
  private static final Executor DIRECT = Runnable::run;

  private final AtomicReference<byte[]> uploaded = new AtomicReference<>();
  private final AtomicInteger uploadProgress = new AtomicInteger();
  private final CountDownLatch uploadGo = new CountDownLatch(1);
  private EmbeddedChannel channel;

  private final Router router = () -> List.of(
      Route.get("/hello", r -> ApiResponse.json(Map.of("hello", "world"))),
      Route.get("/text", r -> ApiResponse.text("OK")),
      Route.get("/echo/{id}", r -> {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", r.pathParam("id"));
        m.put("version", r.version());
        m.put("path", r.path());
        m.put("x", r.params("x"));
        m.put("method", r.method().name());
        return ApiResponse.json(m);
      }),
      Route.get("/extra", r -> new ApiResponse.Json(HttpResponseStatus.CREATED, List.of(1, 2),
          Map.of("X-Extra", "yes"))),
      Route.post("/conflict", r -> {
        throw new ConflictException("container abc is running");
      }),
      Route.get("/boom", r -> {
        throw new IllegalStateException("boom");
      }),
      Route.post("/start", r -> {
        throw new NotModifiedException("already started");
      }),
      Route.delete("/empty", r -> ApiResponse.noContent()),
      Route.post("/ignore-body", r -> ApiResponse.ok()),
      Route.get("/stream", r -> ApiResponse.stream("application/json", out -> {
        out.writeMessage("{\"n\":1}\n".getBytes(StandardCharsets.UTF_8));
        out.writeMessage("{\"n\":2}\n".getBytes(StandardCharsets.UTF_8));
      })),
      Route.get("/stream-fails-early", r -> ApiResponse.stream("application/json", out -> {
        out.write("buffered, never sent".getBytes(StandardCharsets.UTF_8));
        throw new ConflictException("no such thing yet");
      })),
      Route.get("/stream-fails-late", r -> ApiResponse.stream("application/json", out -> {
        out.writeMessage("{\"n\":1}\n".getBytes(StandardCharsets.UTF_8));
        throw new IllegalStateException("backend died");
      })),
      Route.post("/upload", r -> {
        InputStream in = r.body();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[7];
        for (int n; (n = in.read(buf)) >= 0; ) {
          all.write(buf, 0, n);
          uploadProgress.addAndGet(n);
        }
        uploaded.set(all.toByteArray());
        uploadGo.await(5, TimeUnit.SECONDS);
        return ApiResponse.json(Map.of("size", all.size()));
      }));

  /** Runs each task on its own virtual thread and lets the test wait for all of them. */
  private static final class ThreadExecutor implements Executor {
    final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public void execute(Runnable task) {
      threads.add(Thread.ofVirtual().name("test-handler").start(task));
    }

    void awaitAll() throws InterruptedException {
      for (Thread t : threads) {
        assertTrue(t.join(java.time.Duration.ofSeconds(5)), "handler thread finished");
      }
    }
  }

  private EmbeddedChannel open(Executor executor) {
    channel = new EmbeddedChannel(new HttpServerCodec(), new HttpConnectionHandler(
        new Dispatcher(List.of(router)), new ServerIdentity("28.2.2", false), executor));
    return channel;
  }

  @AfterEach
  void release() {
    if (channel != null) {
      channel.finishAndReleaseAll();
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: docker\r\n\r\n";
  }

  private void send(String raw) {
    channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
    channel.runPendingTasks();
  }

  /** Everything written to the client so far. */
  private String output() {
    StringBuilder sb = new StringBuilder();
    for (Object o; (o = channel.readOutbound()) != null; ) {
      ByteBuf b = (ByteBuf) o;
      sb.append(b.toString(StandardCharsets.ISO_8859_1));
      b.release();
    }
    return sb.toString();
  }

  private WireResponse exchange(String raw, boolean head) {
    send(raw);
    List<WireResponse> rs = WireResponse.parse(output(), head);
    assertEquals(1, rs.size(), rs.toString());
    return rs.get(0);
  }

  private WireResponse exchange(String raw) {
    return exchange(raw, false);
  }

  private static void assertIdentity(WireResponse r) {
    assertEquals("1.50", r.header("Api-Version"));
    assertEquals("Docker/28.2.2 (linux)", r.header("Server"));
    assertEquals("linux", r.header("Ostype"));
    assertEquals("false", r.header("Docker-Experimental"));
  }

  @Test
  void json_withContentLengthAndIdentityHeaders() {
    open(DIRECT);
    WireResponse r = exchange(get("/hello"));
    assertEquals(200, r.status());
    assertEquals("OK", r.reason());
    assertEquals("{\"hello\":\"world\"}\n", r.body());
    assertEquals(String.valueOf(r.body().length()), r.header("Content-Length"));
    assertEquals("application/json", r.header("Content-Type"));
    assertNull(r.header("Connection"));
    assertIdentity(r);
    assertTrue(channel.isOpen(), "HTTP/1.1 keeps the connection");
  }

  @Test
  void requestDetails_reachTheHandler() {
    open(DIRECT);
    WireResponse r = exchange(get("/v1.41/echo/c0ffee?x=1&x=two%20words"));
    assertEquals("{\"id\":\"c0ffee\",\"method\":\"GET\",\"path\":\"/echo/c0ffee\",\"version\":\"1.41\","
        + "\"x\":[\"1\",\"two words\"]}\n", r.body());
    WireResponse unversioned = exchange(get("/echo/1"));
    assertTrue(unversioned.body().contains("\"version\":\"1.50\""), unversioned.body());
  }

  @Test
  void bytesAndExtraHeaders() {
    open(DIRECT);
    WireResponse text = exchange(get("/text"));
    assertEquals("OK", text.body());
    assertEquals("text/plain; charset=utf-8", text.header("Content-Type"));
    assertEquals("2", text.header("Content-Length"));
    WireResponse extra = exchange(get("/extra"));
    assertEquals(201, extra.status());
    assertEquals("yes", extra.header("X-Extra"));
    assertEquals("[1,2]\n", extra.body());
  }

  @Test
  void unknownPath_is404Json() {
    open(DIRECT);
    WireResponse r = exchange(get("/v1.41/nope"));
    assertEquals(404, r.status());
    assertEquals("{\"message\":\"page not found\"}\n", r.body());
    assertEquals("application/json", r.header("Content-Type"));
    assertIdentity(r);
    assertTrue(channel.isOpen());
  }

  @Test
  void versionTooNew_is400WithDockerdText() {
    open(DIRECT);
    WireResponse r = exchange(get("/v1.99/hello"));
    assertEquals(400, r.status());
    assertEquals("{\"message\":\"client version 1.99 is too new. Maximum supported API version is 1.50\"}\n",
        r.body());
  }

  @Test
  void head_hasHeadersAndNoBody_andTheConnectionStaysUsable() {
    open(DIRECT);
    String expectedBody = "{\"hello\":\"world\"}\n";
    send("HEAD /hello HTTP/1.1\r\nHost: d\r\n\r\n" + get("/hello"));
    List<WireResponse> rs = WireResponse.parse(output(), true, false);
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
    open(DIRECT);
    send("HEAD /nope HTTP/1.1\r\nHost: d\r\n\r\n" + get("/hello"));
    List<WireResponse> rs = WireResponse.parse(output(), true, false);
    assertEquals(404, rs.get(0).status());
    assertEquals("", rs.get(0).body());
    assertEquals(200, rs.get(1).status());
  }

  @Test
  void conflict_is409Message() {
    open(DIRECT);
    WireResponse r = exchange("POST /v1.41/conflict HTTP/1.1\r\nHost: d\r\nContent-Length: 0\r\n\r\n");
    assertEquals(409, r.status());
    assertEquals("{\"message\":\"container abc is running\"}\n", r.body());
    assertIdentity(r);
  }

  @Test
  void unexpectedFailure_is500Message() {
    open(DIRECT);
    WireResponse r = exchange(get("/boom"));
    assertEquals(500, r.status());
    assertEquals("{\"message\":\"boom\"}\n", r.body());
  }

  @Test
  void notModified_is304WithoutBody() {
    open(DIRECT);
    send("POST /start HTTP/1.1\r\nHost: d\r\nContent-Length: 0\r\n\r\n" + get("/hello"));
    String raw = output();
    assertTrue(raw.startsWith("HTTP/1.1 304 Not Modified\r\n"), raw);
    List<WireResponse> rs = WireResponse.parse(raw);
    assertEquals(304, rs.get(0).status());
    assertEquals(200, rs.get(1).status());
  }

  @Test
  void noContent_hasNoBodyOrContentType() {
    open(DIRECT);
    send("DELETE /empty HTTP/1.1\r\nHost: d\r\n\r\n" + get("/hello"));
    String raw = output();
    assertTrue(raw.startsWith("HTTP/1.1 204 No Content\r\n"), raw);
    List<WireResponse> rs = WireResponse.parse(raw);
    assertNull(rs.get(0).header("Content-Type"));
    assertEquals(200, rs.get(1).status(), "the next response follows the 204 head directly");
  }

  @Test
  void stream_isChunked() {
    open(DIRECT);
    WireResponse r = exchange(get("/stream"));
    assertEquals(200, r.status());
    assertEquals("chunked", r.header("Transfer-Encoding"));
    assertEquals("application/json", r.header("Content-Type"));
    assertNull(r.header("Content-Length"));
    assertIdentity(r);
    assertEquals(List.of("{\"n\":1}\n", "{\"n\":2}\n"), r.chunks(), "each message is flushed as its own chunk");
    assertTrue(r.complete(), "terminated by the zero-length chunk");
    assertTrue(channel.isOpen());
    assertEquals(200, exchange(get("/hello")).status(), "keep-alive after a stream");
  }

  @Test
  void streamFailingBeforeCommit_getsARealErrorStatus() {
    open(DIRECT);
    WireResponse r = exchange(get("/stream-fails-early"));
    assertEquals(409, r.status());
    assertEquals("{\"message\":\"no such thing yet\"}\n", r.body());
    assertTrue(channel.isOpen());
  }

  @Test
  void streamFailingAfterCommit_isCutShortAndClosed() {
    open(DIRECT);
    WireResponse r = exchange(get("/stream-fails-late"));
    assertEquals(200, r.status());
    assertEquals(List.of("{\"n\":1}\n"), r.chunks());
    assertFalse(r.complete(), "no terminating chunk: the client sees a truncated body");
    assertFalse(channel.isOpen());
  }

  @Test
  void keepAlive_pipelinedRequestsAnsweredInOrder() {
    open(DIRECT);
    send(get("/echo/1") + get("/nope") + get("/echo/2"));
    List<WireResponse> rs = WireResponse.parse(output());
    assertEquals(3, rs.size());
    assertTrue(rs.get(0).body().contains("\"id\":\"1\""));
    assertEquals(404, rs.get(1).status());
    assertTrue(rs.get(2).body().contains("\"id\":\"2\""));
    assertTrue(channel.isOpen());
  }

  @Test
  void keepAlive_sequentialRequests() {
    open(DIRECT);
    for (int i = 0; i < 3; i++) {
      assertTrue(exchange(get("/echo/" + i)).body().contains("\"id\":\"" + i + "\""));
    }
    assertTrue(channel.isOpen());
  }

  @Test
  void connectionClose_isHonouredAndAnnounced() {
    open(DIRECT);
    WireResponse r = exchange("GET /hello HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n");
    assertEquals(200, r.status());
    assertEquals("close", r.header("Connection"));
    assertFalse(channel.isOpen());
  }

  @Test
  void connectionClose_onAnError() {
    open(DIRECT);
    WireResponse r = exchange("GET /nope HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n");
    assertEquals(404, r.status());
    assertEquals("close", r.header("Connection"));
    assertFalse(channel.isOpen());
  }

  @Test
  void connectionClose_onAStream() {
    open(DIRECT);
    WireResponse r = exchange("GET /stream HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n");
    assertEquals("close", r.header("Connection"));
    assertEquals(List.of("{\"n\":1}\n", "{\"n\":2}\n"), r.chunks());
    assertFalse(channel.isOpen());
  }

  @Test
  void http10_closesByDefault() {
    open(DIRECT);
    send("GET /hello HTTP/1.0\r\n\r\n");
    assertTrue(output().contains("{\"hello\":\"world\"}"));
    assertFalse(channel.isOpen());
  }

  @Test
  void malformedRequest_is400AndCloses() {
    open(DIRECT);
    send("GET /hello HTTX/1.1\r\nHost: d\r\n\r\n");
    WireResponse r = WireResponse.parse(output()).get(0);
    assertEquals(400, r.status());
    assertEquals("{\"message\":\"malformed HTTP request\"}\n", r.body());
    assertEquals("close", r.header("Connection"));
    assertFalse(channel.isOpen());
  }

  @Test
  void unreadBody_isDiscardedAndTheNextRequestIsServed() {
    open(DIRECT);
    send("POST /ignore-body HTTP/1.1\r\nHost: d\r\nContent-Length: 11\r\n\r\nhello");
    send(" world" + get("/hello"));
    List<WireResponse> rs = WireResponse.parse(output());
    assertEquals(2, rs.size());
    assertEquals(200, rs.get(0).status());
    assertEquals("{\"hello\":\"world\"}\n", rs.get(1).body());
  }

  @Test
  void inputShutdown_whenIdle_closes() {
    open(DIRECT);
    exchange(get("/hello"));
    channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    channel.runPendingTasks();
    assertFalse(channel.isOpen());
  }

  @Test
  void requestBody_isStreamedToTheHandler() throws Exception {
    ThreadExecutor executor = new ThreadExecutor();
    open(executor);
    send("POST /upload HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "10\r\nfirst chunk, 16b\r\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (uploadProgress.get() < 16 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(16, uploadProgress.get(), "the handler reads bytes before the request has ended");
    send("6\r\n, rest\r\n0\r\n\r\n");
    uploadGo.countDown();
    executor.awaitAll();
    channel.runPendingTasks();
    WireResponse r = WireResponse.parse(output()).get(0);
    assertEquals("first chunk, 16b, rest", new String(uploaded.get(), StandardCharsets.UTF_8));
    assertEquals("{\"size\":22}\n", r.body());
    assertTrue(channel.isOpen());
  }

  @Test
  void requestBody_withContentLength_thenKeepAlive() throws Exception {
    ThreadExecutor executor = new ThreadExecutor();
    open(executor);
    byte[] payload = new byte[100_000];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) ('a' + i % 26);
    }
    String body = new String(payload, StandardCharsets.ISO_8859_1);
    send("POST /upload HTTP/1.1\r\nHost: d\r\nContent-Type: application/octet-stream\r\nContent-Length: "
        + payload.length + "\r\n\r\n" + body);
    uploadGo.countDown();
    executor.awaitAll();
    channel.runPendingTasks();
    assertEquals(body, new String(uploaded.get(), StandardCharsets.ISO_8859_1));
    assertEquals("{\"size\":100000}\n", WireResponse.parse(output()).get(0).body());

    send(get("/hello"));
    executor.awaitAll();
    channel.runPendingTasks();
    assertEquals("{\"hello\":\"world\"}\n", WireResponse.parse(output()).get(0).body());
  }
}
