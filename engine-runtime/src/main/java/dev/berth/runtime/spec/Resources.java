package dev.berth.runtime.spec;

/**
 * A container's resource limits as Docker's {@code HostConfig.Resources} carries them (bytes, nano-CPUs,
 * microseconds). Zero means "not set" except where a boxed type allows null.
 *
 * @param memory {@code -m}
 * @param memorySwap {@code --memory-swap}: memory+swap total, {@code -1} unlimited, 0 unset
 * @param memoryReservation {@code --memory-reservation}
 * @param memorySwappiness {@code --memory-swappiness} 0..100, null (or -1) unset
 * @param oomKillDisable {@code --oom-kill-disable}, null unset
 * @param nanoCpus {@code --cpus} × 10⁹
 * @param cpuShares {@code --cpu-shares}
 * @param cpuPeriod {@code --cpu-period} µs
 * @param cpuQuota {@code --cpu-quota} µs
 * @param cpuRealtimePeriod {@code --cpu-rt-period} µs
 * @param cpuRealtimeRuntime {@code --cpu-rt-runtime} µs
 * @param cpusetCpus {@code --cpuset-cpus}
 * @param cpusetMems {@code --cpuset-mems}
 * @param pidsLimit {@code --pids-limit}; null unset, 0 or negative unlimited
 * @param blkioWeight {@code --blkio-weight} 10..1000, 0 unset
 */
public record Resources(
    long memory, long memorySwap, long memoryReservation, Long memorySwappiness, Boolean oomKillDisable,
    long nanoCpus, long cpuShares, long cpuPeriod, long cpuQuota, long cpuRealtimePeriod, long cpuRealtimeRuntime,
    String cpusetCpus, String cpusetMems, Long pidsLimit, int blkioWeight) {

  public static final Resources NONE = builder().build();

  public Resources {
    cpusetCpus = cpusetCpus == null ? "" : cpusetCpus;
    cpusetMems = cpusetMems == null ? "" : cpusetMems;
    if (memorySwappiness != null && memorySwappiness == -1) {
      memorySwappiness = null; // dockerd's fixMemorySwappiness
    }
  }

  /** dockerd's create-time default ({@code adaptContainerSettings}): swap defaults to twice the memory limit. */
  public Resources withDockerDefaults() {
    if (memory > 0 && memorySwap == 0) {
      return toBuilder().memorySwap(memory * 2).build();
    }
    return this;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.memory = memory;
    b.memorySwap = memorySwap;
    b.memoryReservation = memoryReservation;
    b.memorySwappiness = memorySwappiness;
    b.oomKillDisable = oomKillDisable;
    b.nanoCpus = nanoCpus;
    b.cpuShares = cpuShares;
    b.cpuPeriod = cpuPeriod;
    b.cpuQuota = cpuQuota;
    b.cpuRealtimePeriod = cpuRealtimePeriod;
    b.cpuRealtimeRuntime = cpuRealtimeRuntime;
    b.cpusetCpus = cpusetCpus;
    b.cpusetMems = cpusetMems;
    b.pidsLimit = pidsLimit;
    b.blkioWeight = blkioWeight;
    return b;
  }

  /** Fluent construction; unset values are Docker's zero values. */
  public static final class Builder {
    private long memory;
    private long memorySwap;
    private long memoryReservation;
    private Long memorySwappiness;
    private Boolean oomKillDisable;
    private long nanoCpus;
    private long cpuShares;
    private long cpuPeriod;
    private long cpuQuota;
    private long cpuRealtimePeriod;
    private long cpuRealtimeRuntime;
    private String cpusetCpus = "";
    private String cpusetMems = "";
    private Long pidsLimit;
    private int blkioWeight;

    private Builder() {}

    public Builder memory(long v) { memory = v; return this; }
    public Builder memorySwap(long v) { memorySwap = v; return this; }
    public Builder memoryReservation(long v) { memoryReservation = v; return this; }
    public Builder memorySwappiness(Long v) { memorySwappiness = v; return this; }
    public Builder oomKillDisable(Boolean v) { oomKillDisable = v; return this; }
    public Builder nanoCpus(long v) { nanoCpus = v; return this; }
    public Builder cpuShares(long v) { cpuShares = v; return this; }
    public Builder cpuPeriod(long v) { cpuPeriod = v; return this; }
    public Builder cpuQuota(long v) { cpuQuota = v; return this; }
    public Builder cpuRealtimePeriod(long v) { cpuRealtimePeriod = v; return this; }
    public Builder cpuRealtimeRuntime(long v) { cpuRealtimeRuntime = v; return this; }
    public Builder cpusetCpus(String v) { cpusetCpus = v; return this; }
    public Builder cpusetMems(String v) { cpusetMems = v; return this; }
    public Builder pidsLimit(Long v) { pidsLimit = v; return this; }
    public Builder blkioWeight(int v) { blkioWeight = v; return this; }

    public Resources build() {
      return new Resources(memory, memorySwap, memoryReservation, memorySwappiness, oomKillDisable, nanoCpus,
          cpuShares, cpuPeriod, cpuQuota, cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems,
          pidsLimit, blkioWeight);
    }
  }
}
