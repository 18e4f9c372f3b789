package dev.berth.daemon.http.routes;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.daemon.build.BuildOptions;
import dev.berth.daemon.build.Builder;
import dev.berth.daemon.build.StepFailedException;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import dev.berth.daemon.http.stream.JsonMessageWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /build} (the classic builder, as the CLI without buildx uses it) and {@code POST /build/prune}.
 * Parameters the classic builder on Berth does not use (resource limits, cachefrom, extrahosts, platform …) are
 * accepted and ignored.
 */
public final class BuildRoutes implements Router {
  private final Builder builder;

  public BuildRoutes(Builder builder) {
    this.builder = builder;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/build", this::postBuild),
        Route.post("/build/prune", r -> ApiResponse.json(Map.of("CachesDeleted", List.of(), "SpaceReclaimed",
            prune()))).minApiVersion("1.31"));
  }

  private long prune() {
    builder.pruneCache();
    return 0L;
  }

  private ApiResponse postBuild(ApiRequest r) {
    if (r.boolParam("squash")) {
      throw new InvalidParameterException("squash is only supported with experimental mode");
    }
    if ("2".equals(r.param("version"))) {
      throw new InvalidParameterException("BuildKit is not supported by this daemon; use the classic builder");
    }
    BuildOptions o = new BuildOptions(r.params("t"), r.param("dockerfile", "Dockerfile"),
        jsonMap(r.param("buildargs")), jsonMap(r.param("labels")), r.param("target", ""), r.boolParam("nocache"),
        r.boolParam("rm", true), r.boolParam("forcerm"), r.boolParam("q"), r.param("networkmode", ""),
        r.boolParam("pull"));
    return ApiResponse.stream("application/json", out -> {
      JsonMessageWriter w = new JsonMessageWriter(out);
      out.commit();
      try {
        builder.build(o, r.body(), w::write);
      } catch (StepFailedException e) {
        w.write(new JsonMessage(null, null, null, null, null, null, 0, 0,
            new JsonMessage.ErrorDetail(e.code(), e.getMessage()), e.getMessage(), null));
      } catch (Exception e) {
        w.fail(e);
      }
    });
  }

  private static Map<String, String> jsonMap(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      Map<String, String> m = Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
      Map<String, String> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (v != null) {
          out.put(k, v);
        }
      });
      return out;
    } catch (Exception e) {
      throw new InvalidParameterException("invalid JSON: " + e.getMessage(), e);
    }
  }
}
