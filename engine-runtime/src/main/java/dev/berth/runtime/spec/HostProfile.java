package dev.berth.runtime.spec;

import dev.berth.runtime.mount.MountTable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Facts about the host the spec depends on, read once at daemon start ({@link #detect()}) and replaced by fixed
 * values in tests.
 *
 * @param boundingSet the daemon's capability bounding set: privileged containers get exactly this
 * @param limits the daemon's rlimits: no container hard limit may exceed them without CAP_SYS_RESOURCE
 * @param kernel for seccomp {@code minKernel} rules
 * @param nativeArch libseccomp's architecture name, e.g. {@code amd64}
 * @param cgroupMode decides the default cgroup namespace mode
 * @param devices reads host device nodes ({@code --device}, {@code --privileged})
 * @param sysctlExists whether a sysctl exists on this kernel (runc fails on unknown ones)
 * @param extraMaskedPaths host-dependent masked paths (per-CPU {@code thermal_throttle} directories)
 * @param onlineCpus for the {@code --cpus} range check
 * @param cpus the CPUs containers may use ({@code 0-1}), for the {@code --cpuset-cpus} check
 * @param mounts the daemon's mount table, read when a bind asks for shared or slave propagation
 * @param blkio which block-IO weights the cgroups offer (dockerd discards the others with a warning)
 */
public record HostProfile(
    CapabilitySet boundingSet, HostLimits limits, KernelVersion kernel, String nativeArch, CgroupMode cgroupMode,
    DeviceLookup devices, Predicate<String> sysctlExists, List<String> extraMaskedPaths, int onlineCpus,
    String cpus, Supplier<MountTable> mounts, BlkioSupport blkio) {

  public HostProfile {
    extraMaskedPaths = List.copyOf(extraMaskedPaths);
  }

  /** Reads everything from {@code /proc} and {@code /sys} of the running host. */
  public static HostProfile detect() {
    return new HostProfile(CapabilitySet.boundingSetOfSelf(), HostLimits.readSelf(), KernelVersion.current(),
        SeccompArch.nativeName(), CgroupMode.detect(), new HostDeviceLookup(), HostProfile::procSysctlExists,
        thermalThrottlePaths(), Runtime.getRuntime().availableProcessors(), CpuList.hostCpus(),
        MountTable::ofSelf, BlkioSupport.detect());
  }

  /** Whether the daemon may raise hard rlimits for its children. */
  public boolean canRaiseHardLimits() {
    return boundingSet.contains("CAP_SYS_RESOURCE");
  }

  static boolean procSysctlExists(String name) {
    return Files.exists(Path.of("/proc/sys", name.replace('.', '/')));
  }

  /** moby GHSA-6fw5-f8r9-fgfm: mask each CPU's thermal_throttle directory that exists. */
  static List<String> thermalThrottlePaths() {
    return thermalThrottlePaths(Path.of("/sys/devices/system/cpu"));
  }

  static List<String> thermalThrottlePaths(Path cpuDir) {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> cpus = Files.newDirectoryStream(cpuDir, "cpu[0-9]*")) {
      for (Path cpu : cpus) {
        Path tt = cpu.resolve("thermal_throttle");
        if (cpu.getFileName().toString().matches("cpu\\d+") && Files.exists(tt)) {
          out.add(tt.toString());
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    out.sort(Comparator.comparingInt(p -> Integer.parseInt(Path.of(p).getParent().getFileName().toString()
        .substring(3))));
    return out;
  }
}
