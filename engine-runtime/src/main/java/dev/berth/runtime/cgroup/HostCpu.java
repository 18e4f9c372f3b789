package dev.berth.runtime.cgroup;

import dev.berth.api.errors.SystemException;
import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The host side of {@code docker stats}' CPU percentage: {@code system_cpu_usage} and {@code online_cpus}, read
 * from {@code /proc/stat} as dockerd does: the first seven fields of the {@code cpu} line (user, nice, system,
 * idle, iowait, irq, softirq) in clock ticks, converted to nanoseconds; online CPUs are the {@code cpuN} lines.
 *
 * @param systemCpuUsage nanoseconds
 */
public record HostCpu(long systemCpuUsage, int onlineCpus) {
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  public static HostCpu read(Path procStat) {
    List<String> lines;
    try {
      lines = KernelFiles.lines(procStat);
    } catch (IOException e) {
      throw new SystemException("cannot read " + procStat, e);
    }
    long total = -1;
    int cpus = 0;
    for (String line : lines) {
      String[] f = line.strip().split("\\s+");
      if (f[0].equals("cpu")) {
        if (f.length < 8) {
          throw new SystemException("invalid number of cpu fields in " + procStat);
        }
        total = 0;
        for (int i = 1; i < 8; i++) {
          total += Long.parseLong(f[i]);
        }
      } else if (f[0].startsWith("cpu") && f[0].length() > 3 && Character.isDigit(f[0].charAt(3))) {
        cpus++;
      }
    }
    if (total < 0) {
      throw new SystemException("no cpu line in " + procStat);
    }
    return new HostCpu(total * (1_000_000_000L / CLOCK_TICKS_PER_SECOND), cpus);
  }
}
