package dev.berth.daemon.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per connection. The event loop only moves bytes: each request becomes an {@link Exchange} whose handler
 * runs on a virtual thread, with the body streamed in through an {@link InboundStream}. Requests are served one at
 * a time per connection, in order; a pipelined request waits in {@code pending}. After a hijack the HTTP codec is
 * removed and raw bytes flow to the hijacked stream.
 */
final class HttpConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(HttpConnectionHandler.class);

  private final Dispatcher dispatcher;
  private final ServerIdentity identity;
  private final Executor executor;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private ChannelWriter writer;
  private Exchange current;
  private InboundStream hijackInput;
  private boolean inputShutdown;

  HttpConnectionHandler(Dispatcher dispatcher, ServerIdentity identity, Executor executor) {
    this.dispatcher = dispatcher;
    this.identity = identity;
    this.executor = executor;
  }

  /** The request being served: its body, and whether the request and the response are complete. */
  private static final class Exchange {
    final HttpRequest request;
    final InboundStream body;
    boolean requestComplete;
    boolean responseComplete;
    boolean keepAlive;
    /** The client shut down its side while we answer: Go clients only do that when they are gone. */
    final CompletableFuture<Void> inputShutdown = new CompletableFuture<>();

    Exchange(HttpRequest request, InboundStream body) {
      this.request = request;
      this.body = body;
      this.keepAlive = HttpUtil.isKeepAlive(request);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    writer = new ChannelWriter(ctx.channel());
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (hijackInput != null) {
      if (msg instanceof ByteBuf buf) {
        hijackInput.offer(buf);
      }
      ReferenceCountUtil.release(msg);
      return;
    }
    if (current != null && current.requestComplete) {
      pending.add(msg);
      return;
    }
    if (msg instanceof HttpRequest req) {
      startExchange(ctx, req);
    }
    if (msg instanceof HttpContent content && current != null) {
      if (content.decoderResult().isFailure()) {
        current.keepAlive = false;
        current.requestComplete = true;
        current.body.fail(new java.io.IOException("malformed request body: " + content.decoderResult().cause()));
        ReferenceCountUtil.release(msg);
        return;
      }
      if (!current.responseComplete) {
        current.body.offer(content.content());
      }
      if (content instanceof LastHttpContent) {
        current.requestComplete = true;
        current.body.end();
        if (current.responseComplete) {
          finishExchange(ctx);
        }
      }
    }
    ReferenceCountUtil.release(msg);
  }

  private void startExchange(ChannelHandlerContext ctx, HttpRequest req) {
    Exchange ex = new Exchange(req, new InboundStream(ctx.channel()));
    current = ex;
    if (req.decoderResult().isFailure()) {
      ex.keepAlive = false;
      ex.requestComplete = true;
      ex.body.end();
      executor.execute(() -> {
        writeError(ex, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
        complete(ctx, ex);
      });
      return;
    }
    executor.execute(() -> serve(ctx, ex));
  }

  private void serve(ChannelHandlerContext ctx, Exchange ex) {
    long start = System.nanoTime();
    HttpRequest req = ex.request;
    QueryStringDecoder qs = new QueryStringDecoder(req.uri());
    HttpResponseStatus status = HttpResponseStatus.OK;
    try {
      Dispatcher.Match m = dispatcher.resolve(req.method(), qs.path());
      boolean hasBody = HttpUtil.isContentLengthSet(req) ? HttpUtil.getContentLength(req, 0L) > 0
          : HttpUtil.isTransferEncodingChunked(req);
      ApiRequest api = new ApiRequest(req.method(), m.path(), m.version(), m.params(), qs.parameters(),
          req.headers(), ex.body, hasBody);
      ApiResponse resp = m.route().handler().handle(api);
      status = send(ctx, ex, resp);
    } catch (Throwable t) {
      try {
        status = ErrorMapper.statusOf(t);
        logFailure(req, status, t);
        writeError(ex, status, ErrorMapper.messageOf(t));
      } catch (Throwable again) {
        // never leave a client waiting for an answer that cannot come
        ex.keepAlive = false;
        ctx.channel().close();
      }
    } finally {
      if (log.isDebugEnabled()) {
        log.debug("{} {} -> {} ({} ms)", req.method(), req.uri(), status.code(),
            (System.nanoTime() - start) / 1_000_000);
      }
      if (hijackInput == null) {
        complete(ctx, ex);
      }
    }
  }

  private HttpResponseStatus send(ChannelHandlerContext ctx, Exchange ex, ApiResponse resp) throws Exception {
    boolean head = ex.request.method().equals(HttpMethod.HEAD);
    switch (resp) {
      case ApiResponse.Json j -> {
        byte[] body = Json.bytes(j.body());
        ByteBuf buf = Unpooled.buffer(body.length + 1).writeBytes(body).writeByte('\n');
        writeFull(ex, j.status(), "application/json", buf, j.headers(), head);
        return j.status();
      }
      case ApiResponse.Bytes b -> {
        writeFull(ex, b.status(), b.contentType(), Unpooled.wrappedBuffer(b.body()), b.headers(), head);
        return b.status();
      }
      case ApiResponse.Empty e -> {
        writeFull(ex, e.status(), null, Unpooled.EMPTY_BUFFER, e.headers(), head);
        return e.status();
      }
      case ApiResponse.Stream s -> {
        ResponseStream out = new ResponseStream(writer, () -> streamHead(ex, s), ex.inputShutdown);
        try {
          s.body().writeTo(out);
        } catch (Throwable t) {
          if (!out.isCommitted()) {
            out.discard();
            throw t;
          }
          log.debug("stream {} ended by error after commit", ex.request.uri(), t);
          ex.keepAlive = false;
        }
        if (ex.keepAlive) {
          try {
            out.close();
          } catch (java.io.IOException e) {
            // the client read what it needed and hung up before the final chunk: not an error
            log.debug("client left {} before the end of the stream", ex.request.uri());
            ex.keepAlive = false;
          }
        } else {
          out.discard();
          writer.channel().close();
        }
        return HttpResponseStatus.OK;
      }
      case ApiResponse.Hijack h -> {
        hijack(ctx, ex, h);
        return HttpResponseStatus.SWITCHING_PROTOCOLS;
      }
    }
  }

  private HttpResponse streamHead(Exchange ex, ApiResponse.Stream s) {
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    identity.apply(r.headers());
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, s.contentType());
    s.headers().forEach(r.headers()::set);
    HttpUtil.setTransferEncodingChunked(r, true);
    if (!ex.keepAlive) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return r;
  }

  private void hijack(ChannelHandlerContext ctx, Exchange ex, ApiResponse.Hijack h) throws Exception {
    boolean upgrade = ex.request.headers().containsValue(HttpHeaderNames.CONNECTION, "upgrade", true)
        || ex.request.headers().contains(HttpHeaderNames.UPGRADE);
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        upgrade ? new HttpResponseStatus(101, "UPGRADED") : HttpResponseStatus.OK);
    identity.apply(r.headers());
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, h.contentType());
    h.headers().forEach(r.headers()::set);
    if (upgrade) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
      r.headers().set(HttpHeaderNames.UPGRADE, "tcp");
    }
    InboundStream input = new InboundStream(ctx.channel());
    // Switch the pipeline to raw bytes in the same event-loop task that writes the head, so no client byte
    // can be decoded as HTTP in between.
    ctx.executor().submit(() -> {
      hijackInput = input;
      ex.body.close();
      ctx.writeAndFlush(r);
      if (ctx.pipeline().get(HttpServerCodec.class) != null) {
        ctx.pipeline().remove(HttpServerCodec.class);
      }
      for (Object msg; (msg = pending.poll()) != null; ) {
        if (msg instanceof ByteBuf buf) {
          input.offer(buf);
        }
        ReferenceCountUtil.release(msg);
      }
      if (inputShutdown || !ctx.channel().isActive()) {
        input.end();
      }
      ctx.channel().config().setAutoRead(true);
      ctx.read();
    }).sync();
    HijackedStream stream = new HijackedStream(writer, input);
    try {
      h.body().run(stream);
    } finally {
      stream.close();
    }
  }

  private void writeFull(Exchange ex, HttpResponseStatus status, String contentType, ByteBuf body,
      Map<String, String> headers, boolean head) throws java.io.IOException {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        head ? Unpooled.EMPTY_BUFFER : body);
    if (head && body != Unpooled.EMPTY_BUFFER) {
      HttpUtil.setContentLength(r, body.readableBytes());
      body.release();
    } else {
      HttpUtil.setContentLength(r, r.content().readableBytes());
    }
    identity.apply(r.headers());
    if (contentType != null) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    headers.forEach(r.headers()::set);
    if (!ex.keepAlive) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    writer.writeAndWait(r);
  }

  private void writeError(Exchange ex, HttpResponseStatus status, String message) {
    if (status.equals(HttpResponseStatus.NOT_MODIFIED)) {
      try {
        writeFull(ex, status, null, Unpooled.EMPTY_BUFFER, Map.of(), true);
      } catch (java.io.IOException ignored) {
        // client gone
      }
      return;
    }
    byte[] body = Json.bytes(Map.of("message", message));
    ByteBuf buf = Unpooled.buffer(body.length + 1).writeBytes(body).writeByte('\n');
    try {
      writeFull(ex, status, "application/json", buf, Map.of(),
          ex.request.method().equals(HttpMethod.HEAD));
    } catch (java.io.IOException e) {
      log.debug("client went away before the error response: {}", message);
    }
  }

  private static void logFailure(HttpRequest req, HttpResponseStatus status, Throwable t) {
    if (status.code() == 500) {
      log.error("{} {} failed: {}", req.method(), req.uri(), ErrorMapper.messageOf(t), ErrorMapper.unwrap(t));
    } else {
      log.debug("{} {} -> {}: {}", req.method(), req.uri(), status.code(), ErrorMapper.messageOf(t));
    }
  }

  /** Handler thread: the response is out; hand the connection back to the event loop. */
  private void complete(ChannelHandlerContext ctx, Exchange ex) {
    ctx.executor().execute(() -> {
      ex.responseComplete = true;
      if (!ex.requestComplete && !ex.body.isEnded()) {
        // The handler did not read the whole body: discard the rest as it arrives, then continue.
        ex.body.close();
        if (!ctx.channel().config().isAutoRead()) {
          ctx.channel().config().setAutoRead(true);
          ctx.read();
        }
        return;
      }
      finishExchange(ctx);
    });
  }

  private void finishExchange(ChannelHandlerContext ctx) {
    Exchange ex = current;
    current = null;
    if (ex != null && (!ex.keepAlive || inputShutdown)) {
      ctx.close();
      return;
    }
    while (current == null || !current.requestComplete) {
      Object next = pending.poll();
      if (next == null) {
        break;
      }
      channelRead(ctx, next);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof ChannelInputShutdownEvent) {
      inputShutdown = true;
      if (hijackInput != null) {
        hijackInput.end();
      } else if (current == null) {
        ctx.close();
      } else if (current.requestComplete) {
        current.inputShutdown.complete(null);
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    writer.signal();
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (current != null && !current.requestComplete) {
      current.body.fail(new java.io.IOException("client disconnected before the request body ended"));
    }
    if (hijackInput != null) {
      hijackInput.end();
    }
    pending.forEach(ReferenceCountUtil::release);
    pending.clear();
    writer.signal();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection error: {}", cause.toString());
    ctx.close();
  }
}
