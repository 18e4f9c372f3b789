package dev.berth.daemon.http.routes;

import dev.berth.api.backend.ArchiveBackend;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.PathStat;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker cp}, {@code diff}, {@code export} and {@code commit} (moby's container router: archive, changes,
 * export, and {@code POST /commit}).
 */
public final class ArchiveRoutes implements Router {
  static final String STAT_HEADER = "X-Docker-Container-Path-Stat";

  private final ArchiveBackend backend;

  public ArchiveRoutes(ArchiveBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.head("/containers/{name}/archive", this::headContainersArchive),
        Route.get("/containers/{name}/archive", this::getContainersArchive),
        Route.put("/containers/{name}/archive", this::putContainersArchive),
        Route.get("/containers/{name}/changes", r -> ApiResponse.json(backend.changes(r.pathParam("name")))),
        Route.get("/containers/{name}/export", r -> {
          String name = r.pathParam("name");
          return ApiResponse.stream("application/x-tar", out -> backend.export(name, out));
        }),
        Route.post("/commit", this::postCommit));
  }

  private ApiResponse headContainersArchive(ApiRequest r) throws Exception {
    PathStat stat = backend.statPath(r.pathParam("name"), r.param("path"));
    return new ApiResponse.Empty(HttpResponseStatus.OK, Map.of(STAT_HEADER, header(stat)));
  }

  private ApiResponse getContainersArchive(ApiRequest r) {
    String name = r.pathParam("name");
    String path = r.param("path");
    Map<String, String> headers = new HashMap<>();
    return new ApiResponse.Stream("application/x-tar", out -> backend.archivePath(name, path, stat -> {
      headers.put(STAT_HEADER, header(stat));
      return out;
    }), headers);
  }

  private ApiResponse putContainersArchive(ApiRequest r) throws Exception {
    backend.extractToDir(r.pathParam("name"), r.param("path"), r.boolParam("noOverwriteDirNonDir"),
        r.boolParam("copyUIDGID"), r.body());
    return ApiResponse.ok();
  }

  /** {@code pause} defaults to true from API 1.13 when absent (moby {@code postCommit}). */
  private ApiResponse postCommit(ApiRequest r) throws Exception {
    boolean pause = r.param("pause", "").isEmpty() || r.boolParam("pause");
    ContainerConfig config = r.readJson(ContainerConfig.class);
    String id = backend.commit(new ArchiveBackend.CommitOptions(r.param("container", ""), r.param("repo", ""),
        r.param("tag", ""), r.param("comment", ""), r.param("author", ""), pause, r.params("changes"), config));
    return ApiResponse.json(HttpResponseStatus.CREATED, Map.of("Id", id));
  }

  static String header(PathStat stat) {
    return Base64.getEncoder().encodeToString(Json.bytes(stat));
  }
}
