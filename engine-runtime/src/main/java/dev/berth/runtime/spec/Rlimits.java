package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ulimits → OCI rlimits. Like dockerd, nothing is written unless the container or the daemon defaults ask for
 * it (the container then inherits runc's limits). Requests whose hard limit exceeds the daemon's own are
 * refused up front when the daemon cannot raise hard limits, instead of failing later inside runc.
 */
public final class Rlimits {
  private Rlimits() {}

  /** dockerd's {@code mergeUlimits}: the container's ulimits, then daemon defaults for names it did not set. */
  public static List<Ulimit> merge(List<Ulimit> container, List<Ulimit> daemonDefaults) {
    Map<String, Ulimit> byName = new LinkedHashMap<>();
    for (Ulimit u : container) {
      byName.put(u.name(), u);
    }
    for (Ulimit u : daemonDefaults) {
      byName.putIfAbsent(u.name(), u);
    }
    return List.copyOf(byName.values());
  }

  /**
   * Validates each ulimit and checks it against the host's hard limits.
   *
   * @param canRaiseHardLimits whether the daemon holds {@code CAP_SYS_RESOURCE}
   */
  public static List<Rlimit> toSpec(List<Ulimit> ulimits, HostLimits host, boolean canRaiseHardLimits) {
    List<Rlimit> out = new ArrayList<>();
    for (Ulimit u : ulimits) {
      u.validate();
      if (!canRaiseHardLimits) {
        host.get(u.name()).ifPresent(limit -> checkHard(u, limit));
      }
      out.add(new Rlimit(u.rlimitType(), u.hard(), u.soft()));
    }
    return out;
  }

  private static void checkHard(Ulimit u, HostLimits.Limit host) {
    if (host.hard() == -1) {
      return;
    }
    if (u.hard() == -1 || Long.compareUnsigned(u.hard(), host.hard()) > 0) {
      String asked = u.hard() == -1 ? "unlimited" : Long.toString(u.hard());
      throw new InvalidParameterException("ulimit " + u.name() + ": hard limit " + asked
          + " is above the daemon's hard limit of " + host.hard()
          + " and the daemon lacks CAP_SYS_RESOURCE to raise it");
    }
  }
}
