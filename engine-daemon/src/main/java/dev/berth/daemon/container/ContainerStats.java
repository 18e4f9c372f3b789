package dev.berth.daemon.container;

import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ContainerStatsResponse;
import dev.berth.api.model.container.ContainerStatsResponse.BlkioStatEntry;
import dev.berth.api.model.container.ContainerStatsResponse.CpuStats;
import dev.berth.api.model.container.ContainerStatsResponse.NetworkStats;
import dev.berth.runtime.cgroup.CgroupStats;
import dev.berth.runtime.cgroup.CgroupStatsReader;
import dev.berth.runtime.cgroup.HostCpu;
import dev.berth.runtime.cgroup.HostMemory;
import dev.berth.runtime.linux.KernelFiles;
import dev.berth.runtime.spec.Spec;
import dev.berth.runtime.spec.SpecJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/stats}: one sample of a container from its cgroup (cgroup v1 or v2), the host's CPU
 * counters and its network namespace ({@code /proc/<pid>/net/dev}). A container that does not run gives the zero
 * sample dockerd gives.
 */
public final class ContainerStats {
  private final ContainerContext ctx;
  private final CgroupStatsReader cgroups;
  private final Path proc;

  public ContainerStats(ContainerManager manager) {
    this(manager, CgroupStatsReader.forRoot(Path.of("/sys/fs/cgroup")), Path.of("/proc"));
  }

  ContainerStats(ContainerManager manager, CgroupStatsReader cgroups, Path proc) {
    this.ctx = manager.context();
    this.cgroups = cgroups;
    this.proc = proc;
  }

  /** Resolves a reference (404 when unknown) and returns the container's ID. */
  public String resolve(String ref) {
    return ctx.store().get(ref).id;
  }

  /**
   * Takes one sample; {@code previous} (may be null) provides {@code preread} and {@code precpu_stats}.
   */
  public ContainerStatsResponse sample(String ref, ContainerStatsResponse previous) {
    ContainerRecord r = ctx.store().get(ref).record();
    String now = GoTime.rfc3339Nano(Instant.now());
    String preread = previous == null ? GoTime.ZERO : previous.read();
    CpuStats precpu = previous == null ? null : previous.cpuStats();
    if (!r.state().status().isRunning() || r.state().pid() <= 0) {
      return new ContainerStatsResponse(r.name(), r.id(), GoTime.ZERO, GoTime.ZERO, null, null, 0, null, null,
          null, null, null);
    }
    String cgroupPath = cgroupPath(r);
    CgroupStats s = cgroupPath == null ? null : cgroups.read(cgroupPath);
    HostCpu host = HostCpu.read(proc.resolve("stat"));
    CpuStats cpu = s == null ? new CpuStats(null, host.systemCpuUsage(), host.onlineCpus(), null)
        : new CpuStats(new ContainerStatsResponse.CpuUsage(s.cpu().totalUsage(), s.cpu().perCpuUsage(),
            s.cpu().kernelModeUsage(), s.cpu().userModeUsage()), host.systemCpuUsage(), host.onlineCpus(),
            new ContainerStatsResponse.ThrottlingData(s.cpu().periods(), s.cpu().throttledPeriods(),
                s.cpu().throttledTime()));
    ContainerStatsResponse.MemoryStats mem = null;
    ContainerStatsResponse.PidsStats pids = null;
    ContainerStatsResponse.BlkioStats blkio = null;
    if (s != null) {
      long hostMem = HostMemory.total(proc.resolve("meminfo"));
      mem = new ContainerStatsResponse.MemoryStats(s.memory().usage(), s.memory().maxUsage(), s.memory().stats(),
          s.memory().failcnt(), s.memory().limitOrHost(hostMem), 0, 0, 0);
      pids = new ContainerStatsResponse.PidsStats(s.pids().current(), s.pids().limit());
      blkio = new ContainerStatsResponse.BlkioStats(entries(s.blkio().ioServiceBytesRecursive()),
          entries(s.blkio().ioServicedRecursive()), List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of());
    }
    return new ContainerStatsResponse(r.name(), r.id(), now, preread, pids, blkio, 0, null, cpu, precpu, mem,
        networks(r.state().pid()));
  }

  private String cgroupPath(ContainerRecord r) {
    try {
      Spec spec = SpecJson.read(ctx.runtime().bundle(r.id()));
      return spec.linux() == null ? null : spec.linux().cgroupsPath();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<BlkioStatEntry> entries(List<CgroupStats.BlkioEntry> in) {
    return in.stream().map(e -> new BlkioStatEntry(e.major(), e.minor(), e.op(), e.value())).toList();
  }

  /** {@code /proc/<pid>/net/dev} without {@code lo}, as dockerd reports the container's interfaces. */
  Map<String, NetworkStats> networks(int pid) {
    Map<String, NetworkStats> out = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = KernelFiles.lines(proc.resolve(Integer.toString(pid)).resolve("net").resolve("dev"));
    } catch (IOException e) {
      return out;
    }
    return parseNetDev(lines);
  }

  static Map<String, NetworkStats> parseNetDev(List<String> lines) {
    Map<String, NetworkStats> out = new LinkedHashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).strip();
      String[] f = line.substring(colon + 1).strip().split("\\s+");
      if (name.equals("lo") || f.length < 12) {
        continue;
      }
      out.put(name, new NetworkStats(l(f[0]), l(f[1]), l(f[2]), l(f[3]), l(f[8]), l(f[9]), l(f[10]), l(f[11]),
          null, null));
    }
    return out;
  }

  private static long l(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
