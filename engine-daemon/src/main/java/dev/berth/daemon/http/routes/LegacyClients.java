package dev.berth.daemon.http.routes;

import dev.berth.daemon.http.ApiRequest;

/**
 * Shapes kept for clients that negotiate a new API version but still read fields dockerd dropped from it.
 *
 * <p>docker-compose v1 (1.29) on docker-py 7 negotiates the daemon's maximum version, yet reads
 * {@code ContainerConfig.Volumes} of an image unconditionally whenever it recreates a container
 * ({@code compose/service.py get_container_data_volumes}); dockerd removed that field in API 1.45 and compose v1
 * then fails with {@code KeyError: 'ContainerConfig'} (docker/compose#11742 against Docker 25+). Only that client,
 * recognised by its User-Agent ({@code docker-compose/1.x}), keeps the pre-1.45 fields; everyone else gets
 * dockerd's exact shape.
 */
final class LegacyClients {
  private LegacyClients() {}

  /** True when the image inspect answer must carry {@code Container} and {@code ContainerConfig}. */
  static boolean wantsImageContainerConfig(ApiRequest r) {
    return !r.versionAtLeast("1.45") || isComposeV1(r.headers().get("User-Agent"));
  }

  static boolean isComposeV1(String userAgent) {
    return userAgent != null && userAgent.startsWith("docker-compose/1.");
  }
}
