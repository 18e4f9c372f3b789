package dev.berth.daemon.http.routes;

import dev.berth.api.backend.ImageBackend;
import dev.berth.api.model.system.AuthConfig;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import java.util.List;

/** {@code POST /auth} and {@code GET /distribution/{name}/json} (moby's system and distribution routers). */
public final class RegistryRoutes implements Router {
  private final ImageBackend backend;

  public RegistryRoutes(ImageBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.post("/auth", this::postAuth),
        Route.get("/distribution/{name:.*}/json", this::getDistributionInfo).minApiVersion("1.30"));
  }

  private ApiResponse postAuth(ApiRequest r) {
    AuthConfig auth = r.readJson(AuthConfig.class);
    return ApiResponse.json(backend.login(auth == null ? AuthConfig.anonymous() : auth));
  }

  private ApiResponse getDistributionInfo(ApiRequest r) {
    return ApiResponse.json(backend.distributionInspect(r.pathParam("name"), RegistryAuth.of(r)));
  }
}
