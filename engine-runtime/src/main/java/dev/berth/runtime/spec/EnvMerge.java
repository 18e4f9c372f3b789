package dev.berth.runtime.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Docker's environment rules: image + request at create, daemon defaults at start, exec overrides. */
public final class EnvMerge {
  private EnvMerge() {}

  /**
   * The container's {@code Config.Env} at create (moby {@code merge}): the request's variables in their order,
   * then the image's variables whose names the request does not set. The request wins.
   */
  public static List<String> imageAndRequest(List<String> imageEnv, List<String> requestEnv) {
    if (requestEnv == null || requestEnv.isEmpty()) {
      return imageEnv == null ? List.of() : List.copyOf(imageEnv);
    }
    List<String> out = new ArrayList<>(requestEnv);
    if (imageEnv != null) {
      for (String e : imageEnv) {
        String key = key(e);
        if (requestEnv.stream().noneMatch(r -> key(r).equals(key))) {
          out.add(e);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The process environment (moby {@code CreateDaemonEnvironment}): {@code PATH} (dockerd's default),
   * {@code HOSTNAME} and, with a tty, {@code TERM=xterm}; then the container's variables replace or extend them.
   */
  public static List<String> processEnv(List<String> configEnv, String hostname, boolean tty) {
    return processEnv(configEnv, hostname, tty, List.of());
  }

  /** As {@link #processEnv(List, String, boolean)}, with legacy links' variables after the defaults. */
  public static List<String> processEnv(List<String> configEnv, String hostname, boolean tty, List<String> linkEnv) {
    List<String> defaults = new ArrayList<>();
    defaults.add("PATH=" + DefaultSpec.PATH_ENV);
    defaults.add("HOSTNAME=" + (hostname == null ? "" : hostname));
    if (tty) {
      defaults.add("TERM=xterm");
    }
    defaults.addAll(linkEnv);
    return replaceOrAppend(defaults, configEnv);
  }

  /**
   * moby {@code ReplaceOrAppendEnvValues}: an override {@code K=V} replaces {@code K} in place or is appended;
   * a bare {@code K} (no {@code =}) removes {@code K}.
   */
  public static List<String> replaceOrAppend(List<String> defaults, List<String> overrides) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String e : defaults) {
      byKey.put(key(e), e);
    }
    if (overrides != null) {
      for (String o : overrides) {
        if (o.indexOf('=') < 0) {
          byKey.remove(o);
        } else {
          byKey.put(key(o), o);
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  private static String key(String entry) {
    int i = entry.indexOf('=');
    return i < 0 ? entry : entry.substring(0, i);
  }
}
