package dev.berth.runtime.cgroup;

import java.util.List;
import java.util.Map;

/**
 * One sample of a container cgroup, in the units {@code docker stats} expects (nanoseconds, bytes). Values a
 * hierarchy does not provide are 0 or empty, as in dockerd's output.
 */
public record CgroupStats(Cpu cpu, Memory memory, Pids pids, Blkio blkio) {

  /**
   * @param totalUsage {@code cpu_usage.total_usage}
   * @param perCpuUsage {@code cpu_usage.percpu_usage} (v1 only; empty on v2, as dockerd)
   * @param kernelModeUsage {@code usage_in_kernelmode}
   * @param userModeUsage {@code usage_in_usermode}
   */
  public record Cpu(long totalUsage, List<Long> perCpuUsage, long kernelModeUsage, long userModeUsage,
      long periods, long throttledPeriods, long throttledTime) {
    public Cpu {
      perCpuUsage = List.copyOf(perCpuUsage);
    }
  }

  /**
   * @param limit the cgroup limit; unlimited reads as a huge number ({@link Long#MAX_VALUE} on v2): clamp with
   *     {@link #limitOrHost(long)} as dockerd does
   * @param stats {@code memory.stat} as key → value
   */
  public record Memory(long usage, long maxUsage, long limit, long failcnt, Map<String, Long> stats) {
    public Memory {
      stats = Map.copyOf(stats);
    }

    /** dockerd reports the host's memory as the limit when the cgroup's is larger (i.e. unlimited). */
    public long limitOrHost(long hostMemory) {
      return hostMemory > 0 && (limit <= 0 || limit > hostMemory) ? hostMemory : limit;
    }
  }

  /** @param limit 0 when unlimited */
  public record Pids(long current, long limit) {}

  /** {@code blkio_stats}: v1 ops are {@code Read}/{@code Write}/{@code Sync}/…; v2 ops {@code read}/{@code write}. */
  public record Blkio(List<BlkioEntry> ioServiceBytesRecursive, List<BlkioEntry> ioServicedRecursive) {
    public Blkio {
      ioServiceBytesRecursive = List.copyOf(ioServiceBytesRecursive);
      ioServicedRecursive = List.copyOf(ioServicedRecursive);
    }
  }

  public record BlkioEntry(long major, long minor, String op, long value) {}
}
