package dev.berth.daemon.http.routes;

import dev.berth.api.backend.ExecBackend;
import dev.berth.api.errors.EngineException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.ExecCreateRequest;
import dev.berth.api.model.container.ExecStartRequest;
import dev.berth.api.types.StdStreamType;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import dev.berth.daemon.http.stream.MultiplexedWriter;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The exec routes (moby {@code api/server/router/container/exec.go}). */
public final class ExecRoutes implements Router {
  private static final Logger log = LoggerFactory.getLogger(ExecRoutes.class);

  private final ExecBackend backend;

  public ExecRoutes(ExecBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/containers/{name}/exec", this::postContainerExecCreate),
        Route.post("/exec/{name}/start", this::postContainerExecStart),
        Route.post("/exec/{name}/resize", this::postContainerExecResize),
        Route.get("/exec/{id}/json", r -> ApiResponse.json(backend.inspect(r.pathParam("id")))));
  }

  private ApiResponse postContainerExecCreate(ApiRequest r) {
    ExecCreateRequest req = r.readJson(ExecCreateRequest.class);
    if (req != null && req.consoleSize() != null && !r.versionAtLeast("1.42")) {
      req = new ExecCreateRequest(req.user(), req.privileged(), req.tty(), null, req.attachStdin(),
          req.attachStderr(), req.attachStdout(), req.detach(), req.detachKeys(), req.env(), req.workingDir(),
          req.cmd());
    }
    return ApiResponse.json(HttpResponseStatus.CREATED, backend.create(r.pathParam("name"), req));
  }

  /**
   * Detached: 200 once the process runs. Attached: the connection is hijacked (errors after that are written into
   * the stream, as dockerd does); the framing follows the start request's {@code Tty}.
   */
  private ApiResponse postContainerExecStart(ApiRequest r) throws IOException {
    ExecStartRequest body = r.readJson(ExecStartRequest.class);
    String id = r.pathParam("name");
    backend.checkStartable(id);
    boolean tty = body != null && body.tty();
    boolean keepSize = body != null && body.consoleSize() != null && tty && r.versionAtLeast("1.42");
    ExecStartRequest req = new ExecStartRequest(body != null && body.detach(), tty,
        keepSize ? body.consoleSize() : null);
    if (req.detach()) {
      backend.start(id, req, null, null);
      return ApiResponse.ok();
    }
    boolean upgrade = r.headers().contains("Upgrade");
    String type = upgrade && !tty && r.versionAtLeast("1.42") ? ContainerRoutes.MULTIPLEXED : ContainerRoutes.RAW;
    return ApiResponse.hijack(type, stream -> {
      MultiplexedWriter w = tty ? MultiplexedWriter.raw(stream.output()) : MultiplexedWriter.framed(stream.output());
      try {
        backend.start(id, req, stream.input(), (s, data) -> w.write(ContainerRoutes.wire(s), data));
      } catch (EngineException e) {
        log.debug("exec {} failed after the hijack: {}", id, e.getMessage());
        w.write(ContainerRoutes.wire(StdStreamType.STDOUT),
            (e.getMessage() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  private ApiResponse postContainerExecResize(ApiRequest r) {
    backend.resize(r.pathParam("name"), uint32(r, "h", "height"), uint32(r, "w", "width"));
    return ApiResponse.ok();
  }

  /** moby {@code httputils.Uint32Value}: empty is 0, anything else must parse as an unsigned 32-bit number. */
  private static int uint32(ApiRequest r, String name, String what) {
    String v = r.param(name);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0 || n > 0xffffffffL || v.startsWith("+")) {
        throw new NumberFormatException();
      }
      return (int) Math.min(n, Integer.MAX_VALUE);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid resize " + what + " \"" + v + "\": strconv.ParseUint: parsing \""
          + v + "\": " + (v.matches("\\d+") ? "value out of range" : "invalid syntax"), e);
    }
  }
}
