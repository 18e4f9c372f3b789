package dev.berth.daemon.http.routes;

import dev.berth.api.backend.NetworkBackend;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.network.NetworkConnectRequest;
import dev.berth.api.model.network.NetworkCreateRequest;
import dev.berth.api.model.network.NetworkDisconnectRequest;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code /networks} routes (moby {@code api/server/router/network}). */
public final class NetworkRoutes implements Router {
  private final NetworkBackend backend;

  public NetworkRoutes(NetworkBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/networks", r -> ApiResponse.json(backend.list(r.filters()))),
        Route.get("/networks/", r -> ApiResponse.json(backend.list(r.filters()))),
        Route.get("/networks/{id}", this::getNetwork),
        Route.post("/networks/create", this::postNetworkCreate),
        Route.post("/networks/prune", this::postNetworksPrune).minApiVersion("1.25"),
        Route.post("/networks/{id}/connect", this::postNetworkConnect),
        Route.post("/networks/{id}/disconnect", this::postNetworkDisconnect),
        Route.delete("/networks/{id}", this::deleteNetwork));
  }

  private ApiResponse getNetwork(ApiRequest r) {
    String v = r.param("verbose");
    boolean verbose = false;
    if (v != null && !v.isEmpty()) {
      verbose = switch (v) {
        case "1", "t", "T", "TRUE", "true", "True" -> true;
        case "0", "f", "F", "FALSE", "false", "False" -> false;
        default -> throw new InvalidParameterException("invalid value for verbose: " + v
            + ": strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
      };
    }
    return ApiResponse.json(backend.inspect(r.pathParam("id"), verbose, r.param("scope", "")));
  }

  private ApiResponse postNetworkCreate(ApiRequest r) {
    NetworkCreateRequest req = r.readJson(NetworkCreateRequest.class);
    if (req == null) { // moby reads an empty body as the zero value
      req = new NetworkCreateRequest("", null, "", "", null, null, null, false, false, false, false, null, null, null);
    }
    return ApiResponse.json(HttpResponseStatus.CREATED, backend.create(req));
  }

  private ApiResponse postNetworkConnect(ApiRequest r) {
    NetworkConnectRequest req = r.readJson(NetworkConnectRequest.class);
    backend.connect(r.pathParam("id"), req != null ? req : new NetworkConnectRequest("", null));
    return ApiResponse.ok();
  }

  private ApiResponse postNetworkDisconnect(ApiRequest r) {
    NetworkDisconnectRequest req = r.readJson(NetworkDisconnectRequest.class);
    backend.disconnect(r.pathParam("id"), req != null ? req : new NetworkDisconnectRequest("", false));
    return ApiResponse.ok();
  }

  private ApiResponse deleteNetwork(ApiRequest r) {
    backend.remove(r.pathParam("id"));
    return ApiResponse.noContent();
  }

  /** {@code until} arrives as the user typed it ({@code 24h}, RFC 3339, unix time); the backend gets unix time. */
  private ApiResponse postNetworksPrune(ApiRequest r) {
    Filters f = Timestamps.untilAsUnixTime(r.filters());
    return ApiResponse.json(backend.prune(f));
  }
}
