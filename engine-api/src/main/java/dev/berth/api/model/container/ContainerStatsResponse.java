package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One object of {@code GET /containers/{id}/stats} (Go {@code container.StatsResponse}), snake_case keys as
 * Docker writes them. Go's {@code omitempty} does nothing on struct values, so every nested stats object is
 * always written (the compact constructor replaces {@code null} with the zero object); inside them, the
 * {@code omitempty} scalars are left out when 0. {@code read}/{@code preread} are RFC 3339 nano, Go's zero time
 * for the first {@code preread}. Unsigned 64-bit counters are Java {@code long}.
 */
public record ContainerStatsResponse(
    @JsonProperty("name") @JsonInclude(Include.NON_EMPTY) String name,
    @JsonProperty("id") @JsonInclude(Include.NON_EMPTY) String id,
    @JsonProperty("read") String read,
    @JsonProperty("preread") String preread,
    @JsonProperty("pids_stats") PidsStats pidsStats,
    @JsonProperty("blkio_stats") BlkioStats blkioStats,
    @JsonProperty("num_procs") int numProcs,
    @JsonProperty("storage_stats") StorageStats storageStats,
    @JsonProperty("cpu_stats") CpuStats cpuStats,
    @JsonProperty("precpu_stats") CpuStats precpuStats,
    @JsonProperty("memory_stats") MemoryStats memoryStats,
    @JsonProperty("networks") @JsonInclude(Include.NON_EMPTY) Map<String, NetworkStats> networks) {

  public ContainerStatsResponse {
    pidsStats = pidsStats == null ? new PidsStats(0, 0) : pidsStats;
    blkioStats = blkioStats == null ? BlkioStats.EMPTY : blkioStats;
    storageStats = storageStats == null ? new StorageStats(0, 0, 0, 0) : storageStats;
    cpuStats = cpuStats == null ? CpuStats.EMPTY : cpuStats;
    precpuStats = precpuStats == null ? CpuStats.EMPTY : precpuStats;
    memoryStats = memoryStats == null ? MemoryStats.EMPTY : memoryStats;
  }

  public record PidsStats(
      @JsonProperty("current") @JsonInclude(Include.NON_DEFAULT) long current,
      @JsonProperty("limit") @JsonInclude(Include.NON_DEFAULT) long limit) {}

  /** cgroup v1 blkio counters; on cgroup v2 only {@code io_service_bytes_recursive} and {@code io_serviced_recursive}. */
  public record BlkioStats(
      @JsonProperty("io_service_bytes_recursive") List<BlkioStatEntry> ioServiceBytesRecursive,
      @JsonProperty("io_serviced_recursive") List<BlkioStatEntry> ioServicedRecursive,
      @JsonProperty("io_queue_recursive") List<BlkioStatEntry> ioQueueRecursive,
      @JsonProperty("io_service_time_recursive") List<BlkioStatEntry> ioServiceTimeRecursive,
      @JsonProperty("io_wait_time_recursive") List<BlkioStatEntry> ioWaitTimeRecursive,
      @JsonProperty("io_merged_recursive") List<BlkioStatEntry> ioMergedRecursive,
      @JsonProperty("io_time_recursive") List<BlkioStatEntry> ioTimeRecursive,
      @JsonProperty("sectors_recursive") List<BlkioStatEntry> sectorsRecursive) {
    public static final BlkioStats EMPTY = new BlkioStats(null, null, null, null, null, null, null, null);
  }

  public record BlkioStatEntry(
      @JsonProperty("major") long major,
      @JsonProperty("minor") long minor,
      @JsonProperty("op") String op,
      @JsonProperty("value") long value) {}

  /** Windows only; always written, with every counter {@code omitempty}. */
  public record StorageStats(
      @JsonProperty("read_count_normalized") @JsonInclude(Include.NON_DEFAULT) long readCountNormalized,
      @JsonProperty("read_size_bytes") @JsonInclude(Include.NON_DEFAULT) long readSizeBytes,
      @JsonProperty("write_count_normalized") @JsonInclude(Include.NON_DEFAULT) long writeCountNormalized,
      @JsonProperty("write_size_bytes") @JsonInclude(Include.NON_DEFAULT) long writeSizeBytes) {}

  /** {@code system_cpu_usage} (host jiffies in ns) and {@code online_cpus} are what {@code docker stats} divides by. */
  public record CpuStats(
      @JsonProperty("cpu_usage") CpuUsage cpuUsage,
      @JsonProperty("system_cpu_usage") @JsonInclude(Include.NON_DEFAULT) long systemCpuUsage,
      @JsonProperty("online_cpus") @JsonInclude(Include.NON_DEFAULT) int onlineCpus,
      @JsonProperty("throttling_data") ThrottlingData throttlingData) {
    public static final CpuStats EMPTY = new CpuStats(null, 0, 0, null);

    public CpuStats {
      cpuUsage = cpuUsage == null ? new CpuUsage(0, null, 0, 0) : cpuUsage;
      throttlingData = throttlingData == null ? new ThrottlingData(0, 0, 0) : throttlingData;
    }
  }

  /** Nanoseconds; {@code percpu_usage} only on cgroup v1, omitted when empty. */
  public record CpuUsage(
      @JsonProperty("total_usage") long totalUsage,
      @JsonProperty("percpu_usage") @JsonInclude(Include.NON_EMPTY) List<Long> percpuUsage,
      @JsonProperty("usage_in_kernelmode") long usageInKernelmode,
      @JsonProperty("usage_in_usermode") long usageInUsermode) {}

  public record ThrottlingData(
      @JsonProperty("periods") long periods,
      @JsonProperty("throttled_periods") long throttledPeriods,
      @JsonProperty("throttled_time") long throttledTime) {}

  /** Linux fields first; {@code commitbytes}, {@code commitpeakbytes}, {@code privateworkingset} are Windows. */
  public record MemoryStats(
      @JsonProperty("usage") @JsonInclude(Include.NON_DEFAULT) long usage,
      @JsonProperty("max_usage") @JsonInclude(Include.NON_DEFAULT) long maxUsage,
      @JsonProperty("stats") @JsonInclude(Include.NON_EMPTY) Map<String, Long> stats,
      @JsonProperty("failcnt") @JsonInclude(Include.NON_DEFAULT) long failcnt,
      @JsonProperty("limit") @JsonInclude(Include.NON_DEFAULT) long limit,
      @JsonProperty("commitbytes") @JsonInclude(Include.NON_DEFAULT) long commitBytes,
      @JsonProperty("commitpeakbytes") @JsonInclude(Include.NON_DEFAULT) long commitPeakBytes,
      @JsonProperty("privateworkingset") @JsonInclude(Include.NON_DEFAULT) long privateWorkingSet) {
    public static final MemoryStats EMPTY = new MemoryStats(0, 0, null, 0, 0, 0, 0, 0);
  }

  public record NetworkStats(
      @JsonProperty("rx_bytes") long rxBytes,
      @JsonProperty("rx_packets") long rxPackets,
      @JsonProperty("rx_errors") long rxErrors,
      @JsonProperty("rx_dropped") long rxDropped,
      @JsonProperty("tx_bytes") long txBytes,
      @JsonProperty("tx_packets") long txPackets,
      @JsonProperty("tx_errors") long txErrors,
      @JsonProperty("tx_dropped") long txDropped,
      @JsonProperty("endpoint_id") @JsonInclude(Include.NON_EMPTY) String endpointId,
      @JsonProperty("instance_id") @JsonInclude(Include.NON_EMPTY) String instanceId) {}
}
