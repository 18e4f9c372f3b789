package dev.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Response of {@code GET /info} (swagger {@code SystemInfo}). */
public record SystemInfo(
    @JsonProperty("ID") String id,
    @JsonProperty("Containers") int containers,
    @JsonProperty("ContainersRunning") int containersRunning,
    @JsonProperty("ContainersPaused") int containersPaused,
    @JsonProperty("ContainersStopped") int containersStopped,
    @JsonProperty("Images") int images,
    @JsonProperty("Driver") String driver,
    @JsonProperty("DriverStatus") List<List<String>> driverStatus,
    @JsonProperty("DockerRootDir") String dockerRootDir,
    @JsonProperty("Plugins") PluginsInfo plugins,
    @JsonProperty("MemoryLimit") boolean memoryLimit,
    @JsonProperty("SwapLimit") boolean swapLimit,
    @JsonProperty("CpuCfsPeriod") boolean cpuCfsPeriod,
    @JsonProperty("CpuCfsQuota") boolean cpuCfsQuota,
    @JsonProperty("CPUShares") boolean cpuShares,
    @JsonProperty("CPUSet") boolean cpuSet,
    @JsonProperty("PidsLimit") boolean pidsLimit,
    @JsonProperty("OomKillDisable") boolean oomKillDisable,
    @JsonProperty("IPv4Forwarding") boolean ipv4Forwarding,
    @JsonProperty("Debug") boolean debug,
    @JsonProperty("NFd") int nfd,
    @JsonProperty("NGoroutines") int nGoroutines,
    @JsonProperty("SystemTime") String systemTime,
    @JsonProperty("LoggingDriver") String loggingDriver,
    @JsonProperty("CgroupDriver") String cgroupDriver,
    @JsonProperty("CgroupVersion") String cgroupVersion,
    @JsonProperty("NEventsListener") int nEventsListener,
    @JsonProperty("KernelVersion") String kernelVersion,
    @JsonProperty("OperatingSystem") String operatingSystem,
    @JsonProperty("OSVersion") String osVersion,
    @JsonProperty("OSType") String osType,
    @JsonProperty("Architecture") String architecture,
    @JsonProperty("NCPU") int ncpu,
    @JsonProperty("MemTotal") long memTotal,
    @JsonProperty("IndexServerAddress") String indexServerAddress,
    @JsonProperty("RegistryConfig") RegistryConfig registryConfig,
    @JsonProperty("GenericResources") List<Object> genericResources,
    @JsonProperty("HttpProxy") String httpProxy,
    @JsonProperty("HttpsProxy") String httpsProxy,
    @JsonProperty("NoProxy") String noProxy,
    @JsonProperty("Name") String name,
    @JsonProperty("Labels") List<String> labels,
    @JsonProperty("ExperimentalBuild") boolean experimentalBuild,
    @JsonProperty("ServerVersion") String serverVersion,
    @JsonProperty("Runtimes") Map<String, Runtime> runtimes,
    @JsonProperty("DefaultRuntime") String defaultRuntime,
    @JsonProperty("Swarm") SwarmInfo swarm,
    @JsonProperty("LiveRestoreEnabled") boolean liveRestoreEnabled,
    @JsonProperty("Isolation") String isolation,
    @JsonProperty("InitBinary") String initBinary,
    @JsonProperty("ContainerdCommit") Commit containerdCommit,
    @JsonProperty("RuncCommit") Commit runcCommit,
    @JsonProperty("InitCommit") Commit initCommit,
    @JsonProperty("SecurityOptions") List<String> securityOptions,
    @JsonProperty("DefaultAddressPools") @JsonInclude(Include.NON_EMPTY) List<AddressPool> defaultAddressPools,
    @JsonProperty("FirewallBackend") @JsonInclude(Include.NON_NULL) FirewallInfo firewallBackend,
    @JsonProperty("CDISpecDirs") List<String> cdiSpecDirs,
    @JsonProperty("Warnings") List<String> warnings) {

  public record PluginsInfo(
      @JsonProperty("Volume") List<String> volume,
      @JsonProperty("Network") List<String> network,
      @JsonProperty("Authorization") List<String> authorization,
      @JsonProperty("Log") List<String> log) {}

  public record RegistryConfig(
      @JsonProperty("InsecureRegistryCIDRs") List<String> insecureRegistryCidrs,
      @JsonProperty("IndexConfigs") Map<String, IndexInfo> indexConfigs,
      @JsonProperty("Mirrors") List<String> mirrors) {}

  public record IndexInfo(
      @JsonProperty("Name") String name,
      @JsonProperty("Mirrors") List<String> mirrors,
      @JsonProperty("Secure") boolean secure,
      @JsonProperty("Official") boolean official) {}

  public record Runtime(
      @JsonProperty("path") String path,
      @JsonProperty("runtimeArgs") @JsonInclude(Include.NON_EMPTY) List<String> runtimeArgs) {}

  public record SwarmInfo(
      @JsonProperty("NodeID") String nodeId,
      @JsonProperty("NodeAddr") String nodeAddr,
      @JsonProperty("LocalNodeState") String localNodeState,
      @JsonProperty("ControlAvailable") boolean controlAvailable,
      @JsonProperty("Error") String error,
      @JsonProperty("RemoteManagers") List<Object> remoteManagers) {

    public static SwarmInfo inactive() {
      return new SwarmInfo("", "", "inactive", false, "", null);
    }
  }

  public record Commit(@JsonProperty("ID") String id) {}

  public record AddressPool(@JsonProperty("Base") String base, @JsonProperty("Size") int size) {}

  public record FirewallInfo(
      @JsonProperty("Driver") String driver, @JsonProperty("Info") List<List<String>> info) {}
}
