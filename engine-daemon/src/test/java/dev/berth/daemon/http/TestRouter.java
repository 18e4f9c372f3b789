package dev.berth.daemon.http;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.NotModifiedException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A tiny route table covering each {@link ApiResponse} shape and failure mode, for the connection tests. */
final class TestRouter implements Router {
  /** What {@code POST /upload} read, how far it got, and the latch it waits on before answering. */
  final AtomicReference<byte[]> uploaded = new AtomicReference<>();
  final AtomicInteger uploadProgress = new AtomicInteger();
  final CountDownLatch uploadGo = new CountDownLatch(1);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public List<Route> routes() {
    return List.of(
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
          out.writeMessage(utf8("{\"n\":1}\n"));
          out.writeMessage(utf8("{\"n\":2}\n"));
        })),
        Route.get("/stream-fails-early", r -> ApiResponse.stream("application/json", out -> {
          out.write(utf8("buffered, never sent"));
          throw new ConflictException("no such thing yet");
        })),
        Route.get("/stream-fails-late", r -> ApiResponse.stream("application/json", out -> {
          out.writeMessage(utf8("{\"n\":1}\n"));
          throw new IllegalStateException("backend died");
        })),
        Route.post("/upload", this::upload));
  }

  private ApiResponse upload(ApiRequest r) throws Exception {
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
  }
}
