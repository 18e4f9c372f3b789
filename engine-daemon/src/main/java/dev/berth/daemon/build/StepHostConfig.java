package dev.berth.daemon.build;

import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.LogConfig;
import dev.berth.api.model.container.Resources;
import dev.berth.api.model.container.Ulimit;
import java.util.List;
import java.util.Map;

/**
 * The host config of the containers that run RUN steps (moby {@code hostConfigFromOptions}): the build's
 * network mode, extra hosts, /dev/shm size, resource limits, cgroup parent, ulimits and security options, and no
 * logging (the output goes to the build stream).
 */
public final class StepHostConfig {
  private StepHostConfig() {}

  /** The {@code POST /build} parameters that shape the step containers. */
  public record Limits(long memory, long memorySwap, long cpuShares, long cpuPeriod, long cpuQuota,
      String cpusetCpus, String cpusetMems, String cgroupParent, List<Ulimit> ulimits) {
    public static final Limits NONE = new Limits(0, 0, 0, 0, 0, "", "", "", null);
  }

  public static HostConfig of(String networkMode, List<String> extraHosts, long shmSize, Limits l,
      List<String> securityOpt) {
    HostConfig.Builder h = HostConfig.empty().toBuilder();
    h.networkMode = networkMode == null || networkMode.isEmpty() ? "default" : networkMode;
    h.extraHosts = extraHosts == null || extraHosts.isEmpty() ? null : List.copyOf(extraHosts);
    h.shmSize = shmSize;
    h.securityOpt = securityOpt == null || securityOpt.isEmpty() ? null : List.copyOf(securityOpt);
    h.logConfig = new LogConfig("none", Map.of());
    h.resources = new Resources(l.cpuShares(), l.memory(), 0, nz(l.cgroupParent()), 0, null, null, null, null,
        null, l.cpuPeriod(), l.cpuQuota(), 0, 0, nz(l.cpusetCpus()), nz(l.cpusetMems()), null, null, null, 0, 0,
        0, l.memorySwap(), null, null, null, l.ulimits(), 0, 0, 0, 0);
    return h.build();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
