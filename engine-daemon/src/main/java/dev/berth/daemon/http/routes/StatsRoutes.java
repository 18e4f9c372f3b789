package dev.berth.daemon.http.routes;

import dev.berth.api.model.container.ContainerStatsResponse;
import dev.berth.api.model.container.ContainerUpdateRequest;
import dev.berth.daemon.container.ContainerStats;
import dev.berth.daemon.container.ContainerUpdate;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.http.ResponseStream;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /containers/{id}/stats} (one JSON sample per second while streaming; without streaming two samples
 * a second apart so {@code precpu_stats} is filled, unless {@code one-shot}) and {@code POST /containers/{id}/update}.
 */
public final class StatsRoutes implements Router {
  private final ContainerStats stats;
  private final ContainerUpdate updates;

  public StatsRoutes(ContainerStats stats, ContainerUpdate updates) {
    this.stats = stats;
    this.updates = updates;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/containers/{name}/stats", this::getStats),
        Route.post("/containers/{name}/update", r -> ApiResponse.json(
            updates.update(r.pathParam("name"), r.readJson(ContainerUpdateRequest.class)))));
  }

  private ApiResponse getStats(ApiRequest r) {
    String id = stats.resolve(r.pathParam("name"));
    boolean stream = r.param("stream") == null || r.param("stream").isEmpty() || r.boolParam("stream");
    boolean oneShot = r.boolParam("one-shot");
    if (!stream) {
      ContainerStatsResponse first = stats.sample(id, null);
      if (!oneShot && !"0001-01-01T00:00:00Z".equals(first.read())) {
        sleep(1000);
        first = stats.sample(id, first);
      }
      return ApiResponse.json(first);
    }
    return ApiResponse.stream("application/json", out -> streamStats(out, id));
  }

  private void streamStats(ResponseStream out, String id) throws Exception {
    ContainerStatsResponse prev = null;
    out.commit();
    while (!out.clientGone().isDone()) {
      ContainerStatsResponse s;
      try {
        s = stats.sample(id, prev);
      } catch (dev.berth.api.errors.NotFoundException e) {
        return; // removed while streaming
      }
      out.write(Json.bytes(s));
      out.write('\n');
      out.flush();
      prev = s;
      try {
        out.clientGone().get(1, TimeUnit.SECONDS);
        return;
      } catch (java.util.concurrent.TimeoutException e) {
        // next sample
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
