package dev.berth.daemon.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/** What a handler returns. The {@link HttpConnectionHandler} turns it into bytes on the wire. */
public sealed interface ApiResponse {

  /** Extra response headers (beyond the ones every response gets). */
  Map<String, String> headers();

  /** A JSON body. */
  record Json(HttpResponseStatus status, Object body, Map<String, String> headers) implements ApiResponse {}

  /** A response without a body: 204, 304, or 200/201 with nothing to say. */
  record Empty(HttpResponseStatus status, Map<String, String> headers) implements ApiResponse {}

  /** A fixed body with its content type. */
  record Bytes(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers)
      implements ApiResponse {}

  /**
   * A chunked 200 body produced by {@code body} on the handler's thread. The status line goes out with the first
   * flush, so the body may still throw (and get a proper error status) until it writes something.
   */
  record Stream(String contentType, StreamBody body, Map<String, String> headers) implements ApiResponse {}

  /**
   * A hijacked connection (attach, exec start): {@code 101 UPGRADED} when the client asked to upgrade, else
   * {@code 200 OK}, then raw bytes both ways.
   */
  record Hijack(String contentType, HijackBody body, Map<String, String> headers) implements ApiResponse {}

  @FunctionalInterface
  interface StreamBody {
    void writeTo(ResponseStream out) throws Exception;
  }

  @FunctionalInterface
  interface HijackBody {
    void run(HijackedStream stream) throws Exception;
  }

  static ApiResponse json(Object body) {
    return new Json(HttpResponseStatus.OK, body, Map.of());
  }

  static ApiResponse json(HttpResponseStatus status, Object body) {
    return new Json(status, body, Map.of());
  }

  static ApiResponse noContent() {
    return new Empty(HttpResponseStatus.NO_CONTENT, Map.of());
  }

  static ApiResponse notModified() {
    return new Empty(HttpResponseStatus.NOT_MODIFIED, Map.of());
  }

  static ApiResponse ok() {
    return new Empty(HttpResponseStatus.OK, Map.of());
  }

  static ApiResponse text(String s) {
    return new Bytes(HttpResponseStatus.OK, "text/plain; charset=utf-8",
        s.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
  }

  static ApiResponse stream(String contentType, StreamBody body) {
    return new Stream(contentType, body, Map.of());
  }

  static ApiResponse hijack(String contentType, HijackBody body) {
    return new Hijack(contentType, body, Map.of());
  }
}
