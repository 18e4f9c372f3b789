package dev.berth.runtime.cgroup;

import dev.berth.api.errors.SystemException;
import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;

/** The host's total memory ({@code MemTotal} of {@code /proc/meminfo}), for clamping unlimited cgroup limits. */
public final class HostMemory {
  private HostMemory() {}

  /** Bytes of {@code MemTotal}. */
  public static long total(Path meminfo) {
    try {
      for (String line : KernelFiles.lines(meminfo)) {
        if (line.startsWith("MemTotal:")) {
          String[] f = line.substring(9).strip().split("\\s+");
          long value = Long.parseLong(f[0]);
          return f.length > 1 && f[1].equalsIgnoreCase("kB") ? value * 1024 : value;
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new SystemException("cannot read " + meminfo, e);
    }
    throw new SystemException("no MemTotal in " + meminfo);
  }
}
