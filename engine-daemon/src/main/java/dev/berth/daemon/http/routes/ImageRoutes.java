package dev.berth.daemon.http.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.backend.ImageBackend;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.image.ImageInspectResponse;
import dev.berth.api.model.image.ImageSummary;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import dev.berth.daemon.http.stream.JsonMessageWriter;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code /images} routes (moby {@code api/server/router/image}). The fixed paths come before the
 * {@code {name:.*}} patterns, which would otherwise swallow them.
 */
public final class ImageRoutes implements Router {
  private final ImageBackend backend;

  public ImageRoutes(ImageBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/images/json", this::getImagesJson),
        Route.get("/images/search", this::getImagesSearch),
        Route.get("/images/get", this::getImagesGet),
        Route.post("/images/create", this::postImagesCreate),
        Route.post("/images/load", this::postImagesLoad),
        Route.post("/images/prune", this::postImagesPrune).minApiVersion("1.25"),
        Route.get("/images/{name:.*}/get", this::getImagesGet),
        Route.get("/images/{name:.*}/history", r -> ApiResponse.json(backend.history(r.pathParam("name")))),
        Route.get("/images/{name:.*}/json", this::getImagesByName),
        Route.post("/images/{name:.*}/push", this::postImagesPush),
        Route.post("/images/{name:.*}/tag", this::postImagesTag),
        Route.delete("/images/{name:.*}", this::deleteImages));
  }

  private ApiResponse getImagesJson(ApiRequest r) {
    Filters filters = r.filters();
    String legacy = r.param("filter");
    if (legacy != null && !legacy.isEmpty() && !r.versionAtLeast("1.41")) {
      Map<String, Set<String>> m = new HashMap<>();
      filters.asMap().forEach((k, v) -> m.put(k, new HashSet<>(v)));
      m.computeIfAbsent("reference", k -> new HashSet<>()).add(legacy);
      filters = Filters.of(m);
    }
    boolean sharedSize = r.versionAtLeast("1.42") && r.boolParam("shared-size");
    List<ImageSummary> rows = backend.list(new ImageBackend.ListOptions(r.boolParam("all"), sharedSize, false,
        filters));
    boolean below144 = !r.versionAtLeast("1.44");
    boolean below148 = !r.versionAtLeast("1.48");
    return ApiResponse.json(rows.stream().map(s -> s.forApiVersion(below144, below148)).toList());
  }

  private ApiResponse getImagesByName(ApiRequest r) {
    ImageInspectResponse img = backend.inspect(r.pathParam("name"))
        .forApiVersion(!r.versionAtLeast("1.44"), LegacyClients.wantsImageContainerConfig(r),
            !r.versionAtLeast("1.48"));
    if (r.versionAtLeast("1.50")) {
      return ApiResponse.json(img);
    }
    ObjectNode tree = Json.MAPPER.valueToTree(img);
    tree.set("Config", Json.MAPPER.valueToTree(img.config().toContainerConfig()));
    return ApiResponse.json(tree);
  }

  private ApiResponse postImagesCreate(ApiRequest r) {
    String image = r.param("fromImage", "");
    if (!image.isEmpty()) {
      var o = new ImageBackend.PullOptions(image, r.param("tag", ""), r.param("platform", ""), RegistryAuth.of(r));
      return progress(out -> backend.pull(o, out));
    }
    var o = new ImageBackend.ImportOptions(r.param("fromSrc", ""), r.param("repo", ""), r.param("tag", ""),
        r.param("message", ""), r.params("changes"), r.param("platform", ""));
    return progress(out -> backend.importImage(o, r.body(), out));
  }

  private ApiResponse postImagesPush(ApiRequest r) {
    String name = r.pathParam("name");
    String tag = r.param("tag", "");
    var auth = RegistryAuth.of(r);
    return progress(out -> backend.push(name, tag, auth, out));
  }

  /** moby writes load failures into the stream even before anything else was sent. */
  private ApiResponse postImagesLoad(ApiRequest r) {
    boolean quiet = r.boolParam("quiet");
    return ApiResponse.stream("application/json", out -> {
      JsonMessageWriter w = new JsonMessageWriter(out);
      out.commit();
      try {
        backend.load(r.body(), quiet, w::write);
      } catch (Exception e) {
        w.fail(e);
      }
    });
  }

  private ApiResponse getImagesGet(ApiRequest r) {
    String one = r.pathParam("name");
    List<String> names = one != null ? List.of(one) : r.params("names");
    return ApiResponse.stream("application/x-tar", out -> backend.save(names, out));
  }

  private ApiResponse postImagesTag(ApiRequest r) {
    backend.tag(r.pathParam("name"), r.param("repo", ""), r.param("tag", ""));
    return new ApiResponse.Empty(HttpResponseStatus.CREATED, Map.of());
  }

  private ApiResponse deleteImages(ApiRequest r) {
    return ApiResponse.json(backend.delete(r.pathParam("name"), r.boolParam("force"), r.boolParam("noprune")));
  }

  private ApiResponse postImagesPrune(ApiRequest r) {
    return ApiResponse.json(backend.prune(r.filters()));
  }

  private ApiResponse getImagesSearch(ApiRequest r) {
    int limit = (int) r.longParam("limit", 25);
    return ApiResponse.json(backend.search(r.param("term", ""), limit, r.filters(), RegistryAuth.of(r)));
  }

  /** A JSON-message stream: failures before the first line get a real status, later ones an errorDetail line. */
  static ApiResponse progress(ProgressBody body) {
    return ApiResponse.stream("application/json", out -> {
      JsonMessageWriter w = new JsonMessageWriter(out);
      try {
        body.run(w::write);
      } catch (Exception e) {
        w.fail(e);
      }
    });
  }

  @FunctionalInterface
  interface ProgressBody {
    void run(Consumer<JsonMessage> out) throws Exception;
  }
}
