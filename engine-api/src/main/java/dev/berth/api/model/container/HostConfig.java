package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code container.HostConfig} (swagger {@code HostConfig}): the non-portable part of a container's
 * configuration, with the embedded {@link Resources} fields flat in the middle, where Go's JSON puts them.
 *
 * <p>Go-value fields are never {@code null}: the compact constructor replaces a missing {@code LogConfig},
 * {@code RestartPolicy} or {@code ConsoleSize} with Go's zero value. Slices and maps stay {@code null} when unset
 * and are written as {@code null}, as Go writes nil; only {@code Annotations}, {@code StorageOpt},
 * {@code Tmpfs}, {@code Sysctls}, {@code Runtime}, {@code Mounts}, {@code KernelMemory*} and {@code Init} are
 * {@code omitempty}. {@code CapAdd}/{@code CapDrop} are Docker "strslices": a client may send a plain string,
 * which the daemon's mapper reads as a one-element list ({@code ACCEPT_SINGLE_VALUE_AS_ARRAY}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record HostConfig(
    @JsonProperty("Binds") List<String> binds,
    @JsonProperty("ContainerIDFile") String containerIdFile,
    @JsonProperty("LogConfig") LogConfig logConfig,
    @JsonProperty("NetworkMode") String networkMode,
    @JsonProperty("PortBindings") Map<String, List<PortBinding>> portBindings,
    @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
    @JsonProperty("AutoRemove") boolean autoRemove,
    @JsonProperty("VolumeDriver") String volumeDriver,
    @JsonProperty("VolumesFrom") List<String> volumesFrom,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize,
    @JsonProperty("Annotations") @JsonInclude(Include.NON_EMPTY) Map<String, String> annotations,
    @JsonProperty("CapAdd") List<String> capAdd,
    @JsonProperty("CapDrop") List<String> capDrop,
    @JsonProperty("CgroupnsMode") String cgroupnsMode,
    @JsonProperty("Dns") List<String> dns,
    @JsonProperty("DnsOptions") List<String> dnsOptions,
    @JsonProperty("DnsSearch") List<String> dnsSearch,
    @JsonProperty("ExtraHosts") List<String> extraHosts,
    @JsonProperty("GroupAdd") List<String> groupAdd,
    @JsonProperty("IpcMode") String ipcMode,
    @JsonProperty("Cgroup") String cgroup,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("OomScoreAdj") int oomScoreAdj,
    @JsonProperty("PidMode") String pidMode,
    @JsonProperty("Privileged") boolean privileged,
    @JsonProperty("PublishAllPorts") boolean publishAllPorts,
    @JsonProperty("ReadonlyRootfs") boolean readonlyRootfs,
    @JsonProperty("SecurityOpt") List<String> securityOpt,
    @JsonProperty("StorageOpt") @JsonInclude(Include.NON_EMPTY) Map<String, String> storageOpt,
    @JsonProperty("Tmpfs") @JsonInclude(Include.NON_EMPTY) Map<String, String> tmpfs,
    @JsonProperty("UTSMode") String utsMode,
    @JsonProperty("UsernsMode") String usernsMode,
    @JsonProperty("ShmSize") long shmSize,
    @JsonProperty("Sysctls") @JsonInclude(Include.NON_EMPTY) Map<String, String> sysctls,
    @JsonProperty("Runtime") @JsonInclude(Include.NON_EMPTY) String runtime,
    @JsonProperty("Isolation") String isolation,
    // --- embedded container.Resources ---
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
    // --- end of container.Resources ---
    @JsonProperty("Mounts") @JsonInclude(Include.NON_EMPTY) List<Mount> mounts,
    @JsonProperty("MaskedPaths") List<String> maskedPaths,
    @JsonProperty("ReadonlyPaths") List<String> readonlyPaths,
    @JsonProperty("Init") @JsonInclude(Include.NON_NULL) Boolean init) {

  public HostConfig {
    logConfig = logConfig == null ? LogConfig.empty() : logConfig;
    restartPolicy = restartPolicy == null ? RestartPolicy.empty() : restartPolicy;
    consoleSize = consoleSize == null ? List.of(0, 0) : consoleSize;
  }

  /** Go's zero {@code HostConfig}, the starting point for {@link Builder}. */
  public static HostConfig empty() {
    return new Builder().build();
  }

  /** The embedded {@code Resources} group. */
  public Resources resources() {
    return new Resources(cpuShares, memory, nanoCpus, cgroupParent, blkioWeight, blkioWeightDevice,
        blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIOps, blkioDeviceWriteIOps, cpuPeriod, cpuQuota,
        cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems, devices, deviceCgroupRules, deviceRequests,
        kernelMemory, kernelMemoryTcp, memoryReservation, memorySwap, memorySwappiness, oomKillDisable, pidsLimit,
        ulimits, cpuCount, cpuPercent, ioMaximumIOps, ioMaximumBandwidth);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A mutable copy, for code that fills defaults or applies an update one field at a time. */
  public static final class Builder {
    public List<String> binds, volumesFrom, capAdd, capDrop, dns, dnsOptions, dnsSearch, extraHosts, groupAdd,
        links, securityOpt, maskedPaths, readonlyPaths;
    public String containerIdFile = "", networkMode = "", volumeDriver = "", cgroupnsMode = "", ipcMode = "",
        cgroup = "", pidMode = "", utsMode = "", usernsMode = "", runtime, isolation = "";
    public LogConfig logConfig = LogConfig.empty();
    public Map<String, List<PortBinding>> portBindings;
    public RestartPolicy restartPolicy = RestartPolicy.empty();
    public boolean autoRemove, privileged, publishAllPorts, readonlyRootfs;
    public List<Integer> consoleSize = List.of(0, 0);
    public Map<String, String> annotations, storageOpt, tmpfs, sysctls;
    public int oomScoreAdj;
    public long shmSize;
    public Resources resources = Resources.empty();
    public List<Mount> mounts;
    public Boolean init;

    public Builder() {}

    Builder(HostConfig h) {
      binds = h.binds; containerIdFile = h.containerIdFile; logConfig = h.logConfig; networkMode = h.networkMode;
      portBindings = h.portBindings; restartPolicy = h.restartPolicy; autoRemove = h.autoRemove;
      volumeDriver = h.volumeDriver; volumesFrom = h.volumesFrom; consoleSize = h.consoleSize;
      annotations = h.annotations; capAdd = h.capAdd; capDrop = h.capDrop; cgroupnsMode = h.cgroupnsMode;
      dns = h.dns; dnsOptions = h.dnsOptions; dnsSearch = h.dnsSearch; extraHosts = h.extraHosts;
      groupAdd = h.groupAdd; ipcMode = h.ipcMode; cgroup = h.cgroup; links = h.links; oomScoreAdj = h.oomScoreAdj;
      pidMode = h.pidMode; privileged = h.privileged; publishAllPorts = h.publishAllPorts;
      readonlyRootfs = h.readonlyRootfs; securityOpt = h.securityOpt; storageOpt = h.storageOpt; tmpfs = h.tmpfs;
      utsMode = h.utsMode; usernsMode = h.usernsMode; shmSize = h.shmSize; sysctls = h.sysctls;
      runtime = h.runtime; isolation = h.isolation; resources = h.resources(); mounts = h.mounts;
      maskedPaths = h.maskedPaths; readonlyPaths = h.readonlyPaths; init = h.init;
    }

    public HostConfig build() {
      Resources r = resources == null ? Resources.empty() : resources;
      return new HostConfig(binds, containerIdFile, logConfig, networkMode, portBindings, restartPolicy,
          autoRemove, volumeDriver, volumesFrom, consoleSize, annotations, capAdd, capDrop, cgroupnsMode, dns,
          dnsOptions, dnsSearch, extraHosts, groupAdd, ipcMode, cgroup, links, oomScoreAdj, pidMode, privileged,
          publishAllPorts, readonlyRootfs, securityOpt, storageOpt, tmpfs, utsMode, usernsMode, shmSize, sysctls,
          runtime, isolation,
          r.cpuShares(), r.memory(), r.nanoCpus(), r.cgroupParent(), r.blkioWeight(), r.blkioWeightDevice(),
          r.blkioDeviceReadBps(), r.blkioDeviceWriteBps(), r.blkioDeviceReadIOps(), r.blkioDeviceWriteIOps(),
          r.cpuPeriod(), r.cpuQuota(), r.cpuRealtimePeriod(), r.cpuRealtimeRuntime(), r.cpusetCpus(),
          r.cpusetMems(), r.devices(), r.deviceCgroupRules(), r.deviceRequests(), r.kernelMemory(),
          r.kernelMemoryTcp(), r.memoryReservation(), r.memorySwap(), r.memorySwappiness(), r.oomKillDisable(),
          r.pidsLimit(), r.ulimits(), r.cpuCount(), r.cpuPercent(), r.ioMaximumIOps(), r.ioMaximumBandwidth(),
          mounts, maskedPaths, readonlyPaths, init);
    }
  }
}
