package dev.berth.daemon.http.routes;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.model.container.Ulimit;
import dev.berth.api.model.system.AuthConfig;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.daemon.build.BuildOptions;
import dev.berth.daemon.build.Builder;
import dev.berth.daemon.build.StepFailedException;
import dev.berth.daemon.build.StepHostConfig;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import dev.berth.daemon.http.stream.JsonMessageWriter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /build} (the classic builder, as the CLI without buildx uses it) and {@code POST /build/prune}.
 * The response commits with the first output line, so that errors found before it (a Dockerfile that does not
 * parse, a bad parameter) get a real status code and the CLI's "Error response from daemon", as with dockerd.
 */
public final class BuildRoutes implements Router {
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
  private static final TypeReference<List<Ulimit>> ULIMITS = new TypeReference<>() {};
  private static final TypeReference<Map<String, AuthConfig>> AUTH_CONFIGS = new TypeReference<>() {};

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
    String isolation = r.param("isolation", "");
    if (!isolation.isEmpty() && !isolation.equals("default")) {
      throw new InvalidParameterException("Unsupported isolation: \"" + isolation + "\"");
    }
    if (!r.param("remote", "").isEmpty()) {
      throw new NotImplementedException("remote build contexts (git repositories and URLs) are not supported by "
          + "this daemon; send the context with the request");
    }
    StepHostConfig.Limits limits = new StepHostConfig.Limits(r.longParam("memory", 0), r.longParam("memswap", 0),
        r.longParam("cpushares", 0), r.longParam("cpuperiod", 0), r.longParam("cpuquota", 0),
        r.param("cpusetcpus", ""), r.param("cpusetmems", ""), r.param("cgroupparent", ""),
        json(r.param("ulimits"), ULIMITS, "ulimits"));
    BuildOptions o = new BuildOptions(r.params("t"), r.param("dockerfile", "Dockerfile"),
        jsonMap(r.param("buildargs")), jsonMap(r.param("labels")), r.param("target", ""), r.boolParam("nocache"),
        r.boolParam("rm", true), r.boolParam("forcerm"), r.boolParam("q"), r.boolParam("pull"),
        StepHostConfig.of(r.param("networkmode", ""), r.params("extrahosts"), r.longParam("shmsize", 0), limits,
            r.params("securityopt")),
        json(r.param("cachefrom"), STRING_LIST, "cachefrom"), platform(r.param("platform", "")),
        registryConfig(r.headers().get("X-Registry-Config")));
    return ApiResponse.stream("application/json", out -> {
      JsonMessageWriter w = new JsonMessageWriter(out);
      try {
        builder.build(o, r.body(), w::write, out.clientGone());
      } catch (StepFailedException e) {
        w.write(new JsonMessage(null, null, null, null, null, null, 0, 0,
            new JsonMessage.ErrorDetail(e.code(), e.getMessage()), e.getMessage(), null));
      } catch (Exception e) {
        w.fail(e);
      }
    });
  }

  /** {@code os[/arch[/variant]]}, lower-cased, as moby's {@code platforms.Parse} accepts it. */
  static String platform(String p) {
    if (p.isEmpty()) {
      return p;
    }
    String lower = p.toLowerCase(java.util.Locale.ROOT);
    if (!lower.matches("[a-z0-9_-]+(/[a-z0-9_-]+){0,2}")) {
      throw new InvalidParameterException("\"" + p + "\": unknown operating system or architecture: invalid "
          + "argument");
    }
    return lower;
  }

  /** {@code X-Registry-Config}: base64url JSON of registry → credentials; undecodable means none, as in moby. */
  static Map<String, AuthConfig> registryConfig(String header) {
    if (header == null || header.isBlank()) {
      return Map.of();
    }
    try {
      String s = header.strip().replace('+', '-').replace('/', '_').replaceAll("=+$", "");
      Map<String, AuthConfig> m = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(s), AUTH_CONFIGS);
      return m == null ? Map.of() : m;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Map.of();
    }
  }

  private static <T> T json(String value, TypeReference<T> type, String name) {
    if (value == null || value.isEmpty() || value.equals("null")) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(value, type);
    } catch (Exception e) {
      throw new InvalidParameterException("invalid " + name + ": " + e.getMessage(), e);
    }
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
