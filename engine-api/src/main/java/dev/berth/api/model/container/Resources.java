package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Docker's {@code container.Resources}, which Go embeds in {@link HostConfig} and in the update body
 * ({@link ContainerUpdateRequest}); on the wire its fields sit flat in those objects. This record is the typed
 * view of that group ({@link HostConfig#resources()}, {@link ContainerUpdateRequest#resources()}).
 *
 * <p>Go pointers are boxed here: {@code MemorySwappiness}, {@code OomKillDisable} and {@code PidsLimit} are
 * {@code null} when unset ("do not change" for an update). Only {@code KernelMemory} and {@code KernelMemoryTCP}
 * are {@code omitempty}. Unsigned Go values ({@code uint16}, {@code uint64}) are Java {@code int}/{@code long}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record Resources(
    @JsonProperty("CpuShares") long cpuShares,
    @JsonProperty("Memory") long memory,
    @JsonProperty("NanoCpus") long nanoCpus,
    @JsonProperty("CgroupParent") String cgroupParent,
    @JsonProperty("BlkioWeight") int blkioWeight,
    @JsonProperty("BlkioWeightDevice") List<WeightDevice> blkioWeightDevice,
    @JsonProperty("BlkioDeviceReadBps") List<ThrottleDevice> blkioDeviceReadBps,
    @JsonProperty("BlkioDeviceWriteBps") List<ThrottleDevice> blkioDeviceWriteBps,
    @JsonProperty("BlkioDeviceReadIOps") List<ThrottleDevice> blkioDeviceReadIOps,
    @JsonProperty("BlkioDeviceWriteIOps") List<ThrottleDevice> blkioDeviceWriteIOps,
    @JsonProperty("CpuPeriod") long cpuPeriod,
    @JsonProperty("CpuQuota") long cpuQuota,
    @JsonProperty("CpuRealtimePeriod") long cpuRealtimePeriod,
    @JsonProperty("CpuRealtimeRuntime") long cpuRealtimeRuntime,
    @JsonProperty("CpusetCpus") String cpusetCpus,
    @JsonProperty("CpusetMems") String cpusetMems,
    @JsonProperty("Devices") List<DeviceMapping> devices,
    @JsonProperty("DeviceCgroupRules") List<String> deviceCgroupRules,
    @JsonProperty("DeviceRequests") List<DeviceRequest> deviceRequests,
    @JsonProperty("KernelMemory") @JsonInclude(Include.NON_DEFAULT) long kernelMemory,
    @JsonProperty("KernelMemoryTCP") @JsonInclude(Include.NON_DEFAULT) long kernelMemoryTcp,
    @JsonProperty("MemoryReservation") long memoryReservation,
    @JsonProperty("MemorySwap") long memorySwap,
    @JsonProperty("MemorySwappiness") Long memorySwappiness,
    @JsonProperty("OomKillDisable") Boolean oomKillDisable,
    @JsonProperty("PidsLimit") Long pidsLimit,
    @JsonProperty("Ulimits") List<Ulimit> ulimits,
    @JsonProperty("CpuCount") long cpuCount,
    @JsonProperty("CpuPercent") long cpuPercent,
    @JsonProperty("IOMaximumIOps") long ioMaximumIOps,
    @JsonProperty("IOMaximumBandwidth") long ioMaximumBandwidth) {

  /** Go's zero value: no limits, every list and pointer {@code null}. */
  public static Resources empty() {
    return new Resources(0, 0, 0, "", 0, null, null, null, null, null, 0, 0, 0, 0, "", "", null, null, null,
        0, 0, 0, 0, null, null, null, null, 0, 0, 0, 0);
  }

  /** This configuration with another {@code MemorySwap} (dockerd defaults it to twice the memory limit). */
  public Resources withMemorySwap(long swap) {
    return new Resources(cpuShares, memory, nanoCpus, cgroupParent, blkioWeight, blkioWeightDevice,
        blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIOps, blkioDeviceWriteIOps, cpuPeriod, cpuQuota,
        cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems, devices, deviceCgroupRules, deviceRequests,
        kernelMemory, kernelMemoryTcp, memoryReservation, swap, memorySwappiness, oomKillDisable, pidsLimit,
        ulimits, cpuCount, cpuPercent, ioMaximumIOps, ioMaximumBandwidth);
  }

  /** This configuration with other block-IO weights (dockerd discards those the kernel cannot apply). */
  public Resources withBlkioWeights(int weight, List<WeightDevice> weightDevices) {
    return new Resources(cpuShares, memory, nanoCpus, cgroupParent, weight, weightDevices,
        blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIOps, blkioDeviceWriteIOps, cpuPeriod, cpuQuota,
        cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems, devices, deviceCgroupRules, deviceRequests,
        kernelMemory, kernelMemoryTcp, memoryReservation, memorySwap, memorySwappiness, oomKillDisable, pidsLimit,
        ulimits, cpuCount, cpuPercent, ioMaximumIOps, ioMaximumBandwidth);
  }

  /**
   * This configuration as dockerd stores it at create: Go strings are never null (a client that leaves them out
   * gets {@code ""}), {@code OomKillDisable} defaults to false ({@code adaptContainerSettings}), and the pointers
   * {@code MemorySwappiness} {@code -1} and a {@code PidsLimit} of {@code 0} or less mean "unset" and are stored as
   * {@code null} ({@code fixMemorySwappiness}, {@code postContainersCreate}).
   */
  public Resources withCreateDefaults() {
    Long swappiness = memorySwappiness != null && memorySwappiness == -1 ? null : memorySwappiness;
    Long pids = pidsLimit != null && pidsLimit <= 0 ? null : pidsLimit;
    return new Resources(cpuShares, memory, nanoCpus, nz(cgroupParent), blkioWeight, blkioWeightDevice,
        blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIOps, blkioDeviceWriteIOps, cpuPeriod, cpuQuota,
        cpuRealtimePeriod, cpuRealtimeRuntime, nz(cpusetCpus), nz(cpusetMems), devices, deviceCgroupRules,
        deviceRequests, kernelMemory, kernelMemoryTcp, memoryReservation, memorySwap, swappiness,
        oomKillDisable == null ? Boolean.FALSE : oomKillDisable, pids, ulimits, cpuCount, cpuPercent,
        ioMaximumIOps, ioMaximumBandwidth);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
