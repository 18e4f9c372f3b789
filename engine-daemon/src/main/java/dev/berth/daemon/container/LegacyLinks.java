package dev.berth.daemon.container;

import dev.berth.api.model.container.HostConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code HostConfig.Links} as inspect shows it. dockerd rebuilds it from its link graph ({@code daemon/inspect.go}):
 * {@code /child:/parent/alias} per legacy link, null when there is none; containers on a user-defined network
 * never join that graph ({@code registerLinks} skips them: their links are endpoint aliases), so theirs is null.
 */
final class LegacyLinks {
  private LegacyLinks() {}

  /**
   * @param self the container's name, with its leading slash
   * @param currentName a linked container's name (leading slash) by the name or ID the link was given with
   */
  static List<String> forInspect(HostConfig h, String self, Function<String, Optional<String>> currentName) {
    if (h.links() == null || h.links().isEmpty() || isUserDefined(ContainerNetworking.mode(h))) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String link : h.links()) {
      int colon = link.indexOf(':');
      String name = strip(colon < 0 ? link : link.substring(0, colon));
      String alias = strip(colon < 0 ? name : link.substring(colon + 1));
      currentName.apply(name).ifPresent(child -> out.add(child + ":" + self + "/" + alias));
    }
    return out.isEmpty() ? null : out;
  }

  private static boolean isUserDefined(String mode) {
    return !(mode.equals("bridge") || mode.equals("host") || mode.equals("none") || mode.startsWith("container:"));
  }

  private static String strip(String s) {
    return s.startsWith("/") ? s.substring(1) : s;
  }
}
