package dev.berth.daemon.http.routes;

import dev.berth.api.backend.VolumeBackend;
import dev.berth.api.errors.UnavailableException;
import dev.berth.api.model.volume.VolumeCreateRequest;
import dev.berth.api.model.volume.VolumeListResponse;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;

/** The {@code /volumes} routes (moby {@code api/server/router/volume}). */
public final class VolumeRoutes implements Router {
  private final VolumeBackend backend;

  public VolumeRoutes(VolumeBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.get("/volumes", this::getVolumesList),
        Route.get("/volumes/{name}", r -> ApiResponse.json(backend.inspect(r.pathParam("name")))),
        Route.post("/volumes/create", this::postVolumesCreate),
        Route.post("/volumes/prune", r -> ApiResponse.json(backend.prune(r.filters()))).minApiVersion("1.25"),
        Route.put("/volumes/{name}", r -> {
          throw new UnavailableException("volume update only valid for cluster volumes, but swarm is not enabled");
        }).minApiVersion("1.42"),
        Route.delete("/volumes/{name}", this::deleteVolumes));
  }

  private ApiResponse getVolumesList(ApiRequest r) {
    return ApiResponse.json(VolumeListResponse.of(backend.list(r.filters())));
  }

  private ApiResponse postVolumesCreate(ApiRequest r) {
    VolumeCreateRequest req = r.readJson(VolumeCreateRequest.class);
    if (req == null) {
      req = new VolumeCreateRequest(null, "", null, null, "");
    }
    return ApiResponse.json(HttpResponseStatus.CREATED, backend.create(req));
  }

  private ApiResponse deleteVolumes(ApiRequest r) {
    backend.remove(r.pathParam("name"), r.boolParam("force"));
    return ApiResponse.noContent();
  }
}
