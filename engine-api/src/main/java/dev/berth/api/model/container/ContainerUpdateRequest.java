package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /containers/{id}/update} (Go {@code container.UpdateConfig}: the embedded
 * {@link Resources} fields flat, plus {@code RestartPolicy}). As in Go, a zero value means "leave unchanged"
 * for numbers and strings, {@code null} for pointers and slices; {@code RestartPolicy} with an empty
 * {@code Name} (also what a missing one becomes) means "keep the current policy".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ContainerUpdateRequest(
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
    @JsonProperty("IOMaximumBandwidth") long ioMaximumBandwidth,
    @JsonProperty("RestartPolicy") RestartPolicy restartPolicy) {

  public ContainerUpdateRequest {
    restartPolicy = restartPolicy == null ? RestartPolicy.empty() : restartPolicy;
  }

  public static ContainerUpdateRequest of(Resources r, RestartPolicy restartPolicy) {
    return new ContainerUpdateRequest(r.cpuShares(), r.memory(), r.nanoCpus(), r.cgroupParent(), r.blkioWeight(),
        r.blkioWeightDevice(), r.blkioDeviceReadBps(), r.blkioDeviceWriteBps(), r.blkioDeviceReadIOps(),
        r.blkioDeviceWriteIOps(), r.cpuPeriod(), r.cpuQuota(), r.cpuRealtimePeriod(), r.cpuRealtimeRuntime(),
        r.cpusetCpus(), r.cpusetMems(), r.devices(), r.deviceCgroupRules(), r.deviceRequests(), r.kernelMemory(),
        r.kernelMemoryTcp(), r.memoryReservation(), r.memorySwap(), r.memorySwappiness(), r.oomKillDisable(),
        r.pidsLimit(), r.ulimits(), r.cpuCount(), r.cpuPercent(), r.ioMaximumIOps(), r.ioMaximumBandwidth(),
        restartPolicy);
  }

  /** The embedded {@code Resources} group. */
  public Resources resources() {
    return new Resources(cpuShares, memory, nanoCpus, cgroupParent, blkioWeight, blkioWeightDevice,
        blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIOps, blkioDeviceWriteIOps, cpuPeriod, cpuQuota,
        cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems, devices, deviceCgroupRules, deviceRequests,
        kernelMemory, kernelMemoryTcp, memoryReservation, memorySwap, memorySwappiness, oomKillDisable, pidsLimit,
        ulimits, cpuCount, cpuPercent, ioMaximumIOps, ioMaximumBandwidth);
  }
}
