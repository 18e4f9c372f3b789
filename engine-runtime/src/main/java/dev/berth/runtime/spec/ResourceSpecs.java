package dev.berth.runtime.spec;

import java.util.List;

/** Maps {@link Resources} to OCI {@code linux.resources} as dockerd's {@code WithResources} does. */
public final class ResourceSpecs {
  /** The CFS period dockerd pairs with {@code --cpus}: 100 ms. */
  public static final long CPUS_PERIOD_US = 100_000;

  private ResourceSpecs() {}

  public static LinuxResources toSpec(Resources r, List<LinuxDeviceCgroup> devices) {
    Integer weight = r.blkioWeight() != 0 ? r.blkioWeight() : null;
    LinuxBlockIo blockIo = weight == null ? null : new LinuxBlockIo(weight, null, null, null, null, null);
    return new LinuxResources(devices, memory(r), cpu(r), pids(r), blockIo);
  }

  /** {@code getMemoryResources}: only positive values are passed on, so {@code --memory-swap -1} stays unset. */
  static LinuxMemory memory(Resources r) {
    LinuxMemory m = new LinuxMemory(
        r.memory() > 0 ? r.memory() : null,
        r.memoryReservation() > 0 ? r.memoryReservation() : null,
        r.memorySwap() > 0 ? r.memorySwap() : null,
        r.memorySwappiness(),
        r.oomKillDisable());
    return m.isEmpty() ? null : m;
  }

  /** {@code getCPUResources}: {@code --cpus} becomes quota over a 100 ms period; explicit period/quota win. */
  static LinuxCpu cpu(Resources r) {
    Long period = null;
    Long quota = null;
    if (r.nanoCpus() > 0) {
      period = CPUS_PERIOD_US;
      quota = r.nanoCpus() * CPUS_PERIOD_US / 1_000_000_000L;
    }
    if (r.cpuPeriod() != 0) {
      period = r.cpuPeriod();
    }
    if (r.cpuQuota() != 0) {
      quota = r.cpuQuota();
    }
    LinuxCpu c = new LinuxCpu(
        r.cpuShares() != 0 ? r.cpuShares() : null,
        quota,
        period,
        r.cpuRealtimeRuntime() != 0 ? r.cpuRealtimeRuntime() : null,
        r.cpuRealtimePeriod() != 0 ? r.cpuRealtimePeriod() : null,
        r.cpusetCpus().isEmpty() ? null : r.cpusetCpus(),
        r.cpusetMems().isEmpty() ? null : r.cpusetMems());
    return c.isEmpty() ? null : c;
  }

  /**
   * {@code getPidsLimit}: zero or negative means unlimited. A new container's cgroup is already unlimited, so no
   * {@code pids} section is written then: crun (unlike runc) writes -1 literally and cgroup v1 rejects it.
   */
  static LinuxPids pids(Resources r) {
    if (r.pidsLimit() == null || r.pidsLimit() <= 0) {
      return null;
    }
    return new LinuxPids(r.pidsLimit());
  }
}
