package dev.berth.daemon.http.routes;

import dev.berth.api.backend.AttachOptions;
import dev.berth.api.backend.ContainerBackend;
import dev.berth.api.backend.LogsOptions;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.ContainerCreateRequest;
import dev.berth.api.model.container.ContainerWaitResponse;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import dev.berth.daemon.http.stream.MultiplexedWriter;
import dev.berth.daemon.http.stream.StdStream;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@code /containers} routes (moby {@code api/server/router/container}). */
public final class ContainerRoutes implements Router {
  static final String RAW = "application/vnd.docker.raw-stream";
  static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";

  private final ContainerBackend backend;

  public ContainerRoutes(ContainerBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/containers/json", this::getContainersJson),
        Route.post("/containers/create", this::postContainersCreate),
        Route.post("/containers/prune", r -> ApiResponse.json(backend.prune(Timestamps.untilAsUnixTime(r.filters()))))
            .minApiVersion("1.25"),
        Route.get("/containers/{name}/json", this::getContainersByName),
        Route.post("/containers/{name}/start", this::postContainersStart),
        Route.post("/containers/{name}/stop", this::postContainersStop),
        Route.post("/containers/{name}/restart", this::postContainersRestart),
        Route.post("/containers/{name}/kill", r -> {
          backend.kill(r.pathParam("name"), r.param("signal"));
          return ApiResponse.noContent();
        }),
        Route.post("/containers/{name}/pause", r -> {
          backend.pause(r.pathParam("name"));
          return ApiResponse.noContent();
        }),
        Route.post("/containers/{name}/unpause", r -> {
          backend.unpause(r.pathParam("name"));
          return ApiResponse.noContent();
        }),
        Route.post("/containers/{name}/rename", r -> {
          backend.rename(r.pathParam("name"), r.param("name"));
          return ApiResponse.noContent();
        }),
        Route.post("/containers/{name}/wait", this::postContainersWait),
        Route.post("/containers/{name}/resize", this::postContainersResize),
        Route.get("/containers/{name}/top", r -> ApiResponse.json(
            backend.top(r.pathParam("name"), r.param("ps_args")))),
        Route.get("/containers/{name}/logs", this::getContainersLogs),
        Route.post("/containers/{name}/attach", this::postContainersAttach),
        Route.delete("/containers/{name}", r -> {
          backend.remove(r.pathParam("name"), r.boolParam("force"), r.boolParam("v"));
          return ApiResponse.noContent();
        }));
  }

  private ApiResponse getContainersJson(ApiRequest r) {
    return ApiResponse.json(backend.list(r.boolParam("all"), (int) r.longParam("limit", -1),
        r.boolParam("size"), r.filters()));
  }

  private ApiResponse getContainersByName(ApiRequest r) {
    var inspect = backend.inspect(r.pathParam("name"), r.boolParam("size"));
    if (r.versionAtLeast("1.45")) {
      return ApiResponse.json(inspect);
    }
    com.fasterxml.jackson.databind.node.ObjectNode tree = Json.MAPPER.valueToTree(inspect);
    ContainerInspectCompat.below145(tree);
    return ApiResponse.json(tree);
  }

  private ApiResponse postContainersCreate(ApiRequest r) {
    ContainerCreateRequest req = r.readJson(ContainerCreateRequest.class);
    return ApiResponse.json(HttpResponseStatus.CREATED, backend.create(r.param("name"), r.param("platform"), req));
  }

  private ApiResponse postContainersStart(ApiRequest r) {
    backend.start(r.pathParam("name"));
    return ApiResponse.noContent();
  }

  private ApiResponse postContainersStop(ApiRequest r) {
    backend.stop(r.pathParam("name"), timeout(r), r.param("signal"));
    return ApiResponse.noContent();
  }

  private ApiResponse postContainersRestart(ApiRequest r) {
    backend.restart(r.pathParam("name"), timeout(r), r.param("signal"));
    return ApiResponse.noContent();
  }

  private static Integer timeout(ApiRequest r) {
    String t = r.param("t");
    if (t == null || t.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid value for t: " + t);
    }
  }

  /** Registers the waiter, sends the headers at once (the CLI waits for them before it starts the container). */
  private ApiResponse postContainersWait(ApiRequest r) {
    CompletableFuture<ContainerWaitResponse> done = backend.await(r.pathParam("name"), r.param("condition"));
    return ApiResponse.stream("application/json", out -> {
      out.commit();
      out.flush();
      CompletableFuture.anyOf(done, out.clientGone()).join();
      if (done.isDone()) {
        out.write(Json.bytes(done.join()));
        out.write('\n');
      }
    });
  }

  private ApiResponse postContainersResize(ApiRequest r) {
    int h = (int) r.longParam("h", 0);
    int w = (int) r.longParam("w", 0);
    backend.resize(r.pathParam("name"), h, w);
    return ApiResponse.ok();
  }

  private ApiResponse getContainersLogs(ApiRequest r) {
    String name = r.pathParam("name");
    boolean stdout = r.boolParam("stdout");
    boolean stderr = r.boolParam("stderr");
    if (!stdout && !stderr) {
      throw new InvalidParameterException("Bad parameters: you must choose at least one stream");
    }
    boolean tty = backend.hasTty(name);
    Instant now = Instant.now();
    Instant since = Timestamps.parse(r.param("since"), "since", now);
    Instant until = Timestamps.parse(r.param("until"), "until", now);
    String tailParam = r.param("tail", "all");
    int tail;
    try {
      tail = tailParam.equals("all") || tailParam.isEmpty() ? -1 : Integer.parseInt(tailParam);
    } catch (NumberFormatException e) {
      tail = -1;
    }
    LogsOptions o = new LogsOptions(stdout, stderr, r.boolParam("follow"),
        since != null && since.getEpochSecond() == 0 && since.getNano() == 0 ? null : since, until,
        r.boolParam("timestamps"), tail, r.boolParam("details"));
    String type = tty ? RAW : r.versionAtLeast("1.42") ? MULTIPLEXED : RAW;
    return ApiResponse.stream(type, out -> {
      out.commit();
      out.flush();
      MultiplexedWriter w = tty ? MultiplexedWriter.raw(out) : MultiplexedWriter.framed(out);
      backend.logs(name, o, (stream, data) -> w.write(wire(stream), data), out.clientGone());
    });
  }

  private ApiResponse postContainersAttach(ApiRequest r) {
    String name = r.pathParam("name");
    boolean tty = backend.hasTty(name);
    AttachOptions o = new AttachOptions(r.boolParam("stream"), r.boolParam("logs"), r.boolParam("stdin"),
        r.boolParam("stdout"), r.boolParam("stderr"), r.param("detachKeys"));
    String type = tty ? RAW : r.versionAtLeast("1.42") ? MULTIPLEXED : RAW;
    ContainerBackend.AttachSession session = backend.attach(name, o);
    return ApiResponse.hijack(type, stream -> {
      MultiplexedWriter w = tty ? MultiplexedWriter.raw(stream.output()) : MultiplexedWriter.framed(stream.output());
      session.serve(o.stdin() ? stream.input() : null, (s, data) -> w.write(wire(s), data));
    });
  }

  static StdStream wire(dev.berth.api.types.StdStreamType t) {
    return switch (t) {
      case STDIN -> StdStream.STDIN;
      case STDOUT -> StdStream.STDOUT;
      case STDERR -> StdStream.STDERR;
    };
  }
}
