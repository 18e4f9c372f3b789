package dev.berth.daemon.http.routes;

import dev.berth.api.backend.EventsBackend;
import dev.berth.api.backend.SystemBackend;
import dev.berth.api.model.events.EventMessage;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.http.ResponseStream;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code /_ping}, {@code /version}, {@code /info}, {@code /system/df}, {@code /events}. */
public final class SystemRoutes implements Router {
  private static final Map<String, String> PING_HEADERS = Map.of(
      "Builder-Version", "1",
      "Swarm", "inactive",
      "Cache-Control", "no-cache, no-store, must-revalidate",
      "Pragma", "no-cache");
  private static final byte[] OK = "OK".getBytes(StandardCharsets.UTF_8);

  private final SystemBackend system;
  private final EventsBackend events;

  public SystemRoutes(SystemBackend system, EventsBackend events) {
    this.system = system;
    this.events = events;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/_ping", SystemRoutes::getPing),
        Route.head("/_ping", SystemRoutes::headPing),
        Route.get("/version", r -> ApiResponse.json(system.version())),
        Route.get("/info", r -> ApiResponse.json(system.info())),
        Route.get("/system/df", r -> ApiResponse.json(system.diskUsage())).minApiVersion("1.25"),
        Route.get("/events", this::getEvents));
  }

  /** Just {@code /_ping}: served while the daemon is still starting. */
  public static Router pingOnly() {
    return () -> List.of(Route.get("/_ping", SystemRoutes::getPing), Route.head("/_ping", SystemRoutes::headPing));
  }

  private static ApiResponse getPing(ApiRequest r) {
    return new ApiResponse.Bytes(HttpResponseStatus.OK, "text/plain; charset=utf-8", OK, PING_HEADERS);
  }

  /** moby answers HEAD with the same headers and {@code Content-Length: 0}. */
  private static ApiResponse headPing(ApiRequest r) {
    return new ApiResponse.Bytes(HttpResponseStatus.OK, "text/plain; charset=utf-8", new byte[0], PING_HEADERS);
  }

  private ApiResponse getEvents(ApiRequest r) {
    Instant now = Instant.now();
    Instant since = Timestamps.parse(r.param("since"), "since", now);
    Instant until = Timestamps.parse(r.param("until"), "until", now);
    var filters = r.filters(); // dockerd does not validate event filter keys: unknown ones match everything
    return ApiResponse.stream("application/json", out -> streamEvents(out, since, until, filters));
  }

  private void streamEvents(ResponseStream out, Instant since, Instant until,
      dev.berth.api.filters.Filters filters) throws Exception {
    LinkedBlockingQueue<EventMessage> queue = new LinkedBlockingQueue<>(4096);
    try (EventsBackend.Subscription sub = events.subscribe(since, until, filters, queue::offer)) {
      out.commit();
      out.flush();
      while (!out.clientGone().isDone()) {
        EventMessage ev = queue.poll(250, TimeUnit.MILLISECONDS);
        if (ev != null) {
          byte[] line = Json.bytes(ev);
          out.write(line);
          out.write('\n');
          if (queue.isEmpty()) {
            out.flush();
          }
        } else if (sub.done().isDone()) {
          break;
        }
      }
    }
  }
}
