package dev.berth.daemon.build;

import java.util.List;
import java.util.Map;

/**
 * The {@code POST /build} parameters the classic builder honours (moby {@code types.ImageBuildOptions}).
 *
 * @param buildArgs {@code --build-arg} values; a null value means "take it from the daemon's environment" and
 *     is treated as unset
 */
public record BuildOptions(List<String> tags, String dockerfile, Map<String, String> buildArgs,
    Map<String, String> labels, String target, boolean noCache, boolean remove, boolean forceRemove,
    boolean quiet, String networkMode, boolean pull) {

  public BuildOptions {
    tags = List.copyOf(tags);
    buildArgs = buildArgs == null ? Map.of() : buildArgs;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    target = target == null ? "" : target;
    dockerfile = dockerfile == null || dockerfile.isEmpty() ? "Dockerfile" : dockerfile;
  }
}
