package dev.berth.daemon.build;

import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.system.AuthConfig;
import java.util.List;
import java.util.Map;

/**
 * The {@code POST /build} parameters the classic builder honours (moby {@code types.ImageBuildOptions}).
 *
 * @param buildArgs {@code --build-arg} values; a null value means "take it from the daemon's environment" and
 *     is treated as unset
 * @param stepHostConfig the host config of the RUN step containers ({@link StepHostConfig})
 * @param cacheFrom images whose history may satisfy steps ({@code --cache-from})
 * @param platform the requested {@code os/arch[/variant]}, or empty
 * @param authConfigs credentials per registry ({@code X-Registry-Config}) for pulling base images
 */
public record BuildOptions(List<String> tags, String dockerfile, Map<String, String> buildArgs,
    Map<String, String> labels, String target, boolean noCache, boolean remove, boolean forceRemove,
    boolean quiet, boolean pull, HostConfig stepHostConfig, List<String> cacheFrom, String platform,
    Map<String, AuthConfig> authConfigs) {

  public BuildOptions {
    tags = List.copyOf(tags);
    buildArgs = buildArgs == null ? Map.of() : buildArgs;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    target = target == null ? "" : target;
    dockerfile = dockerfile == null || dockerfile.isEmpty() ? "Dockerfile" : dockerfile;
    stepHostConfig = stepHostConfig == null
        ? StepHostConfig.of("", List.of(), 0, StepHostConfig.Limits.NONE, List.of()) : stepHostConfig;
    cacheFrom = cacheFrom == null ? List.of() : List.copyOf(cacheFrom);
    platform = platform == null ? "" : platform;
    authConfigs = authConfigs == null ? Map.of() : Map.copyOf(authConfigs);
  }

}
