package dev.berth.daemon.http.routes;

import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.errors.UnavailableException;
import dev.berth.daemon.http.ApiRequest;
import dev.berth.daemon.http.ApiResponse;
import dev.berth.daemon.http.Route;
import dev.berth.daemon.http.Router;
import java.util.ArrayList;
import java.util.List;

/**
 * Swarm, services, nodes, tasks, secrets and configs answer like a dockerd that is not part of a swarm; plugins
 * answer like a dockerd with none installed.
 */
public final class SwarmRoutes implements Router {
  private static final String NOT_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
      + "\"docker swarm join\" to connect this node to swarm and try again.";
  private static final String NOT_IN_SWARM = "This node is not part of a swarm";

  @Override
  public List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(Route.get("/swarm", this::notManager));
    r.add(Route.get("/swarm/unlockkey", this::notManager));
    r.add(Route.post("/swarm/update", this::notManager));
    r.add(Route.post("/swarm/unlock", this::notManager));
    r.add(Route.post("/swarm/leave", req -> {
      throw new UnavailableException(NOT_IN_SWARM);
    }));
    r.add(Route.post("/swarm/init", this::unsupported));
    r.add(Route.post("/swarm/join", this::unsupported));
    for (String kind : List.of("services", "nodes", "tasks", "secrets", "configs")) {
      r.add(Route.get("/" + kind, this::notManager));
      r.add(Route.get("/" + kind + "/{id}", this::notManager));
      r.add(Route.delete("/" + kind + "/{id}", this::notManager));
      r.add(Route.post("/" + kind + "/create", this::notManager));
      r.add(Route.post("/" + kind + "/{id}/update", this::notManager));
    }
    r.add(Route.get("/services/{id}/logs", this::notManager));
    r.add(Route.get("/tasks/{id}/logs", this::notManager));
    r.add(Route.get("/plugins", req -> ApiResponse.json(List.of())));
    r.add(Route.get("/plugins/{name:.*}/json", req -> {
      throw new dev.berth.api.errors.NotFoundException("plugin \"" + req.pathParam("name") + "\" not found");
    }));
    return r;
  }

  private ApiResponse notManager(ApiRequest r) {
    throw new UnavailableException(NOT_MANAGER);
  }

  private ApiResponse unsupported(ApiRequest r) {
    r.readJson(com.fasterxml.jackson.databind.JsonNode.class);
    throw new NotImplementedException("swarm mode is not supported by Berth");
  }
}
