package dev.berth.runtime.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a cgroup v2 directory: {@code <root>/<cgroupPath>/{cpu.stat,memory.*,pids.*,io.stat}}. */
public final class CgroupV2StatsReader implements CgroupStatsReader {
  private final Path root;

  public CgroupV2StatsReader(Path root) {
    this.root = root;
  }

  @Override
  public CgroupStats read(String cgroupPath) {
    Path dir = root.resolve(CgroupV1StatsReader.relative(cgroupPath));
    Map<String, Long> cpu = CgroupFiles.keyValues(dir.resolve("cpu.stat"));
    CgroupStats.Cpu cpuStats = new CgroupStats.Cpu(cpu.getOrDefault("usage_usec", 0L) * 1000, List.of(),
        cpu.getOrDefault("system_usec", 0L) * 1000, cpu.getOrDefault("user_usec", 0L) * 1000,
        cpu.getOrDefault("nr_periods", 0L), cpu.getOrDefault("nr_throttled", 0L),
        cpu.getOrDefault("throttled_usec", 0L) * 1000);
    Map<String, Long> events = CgroupFiles.keyValues(dir.resolve("memory.events"));
    CgroupStats.Memory memory = new CgroupStats.Memory(CgroupFiles.number(dir.resolve("memory.current")),
        CgroupFiles.number(dir.resolve("memory.peak")),
        CgroupFiles.number(dir.resolve("memory.max"), Long.MAX_VALUE), events.getOrDefault("max", 0L),
        CgroupFiles.keyValues(dir.resolve("memory.stat")));
    CgroupStats.Pids pids = new CgroupStats.Pids(CgroupFiles.number(dir.resolve("pids.current")),
        CgroupFiles.number(dir.resolve("pids.max"), 0));
    return new CgroupStats(cpuStats, memory, pids, io(dir.resolve("io.stat")));
  }

  /** {@code "8:0 rbytes=1 wbytes=2 rios=3 wios=4 …"} → dockerd's v2 mapping: ops {@code read}/{@code write}. */
  static CgroupStats.Blkio io(Path file) {
    List<CgroupStats.BlkioEntry> bytes = new ArrayList<>();
    List<CgroupStats.BlkioEntry> ios = new ArrayList<>();
    for (String line : CgroupFiles.lines(file)) {
      String[] f = line.strip().split("\\s+");
      String[] dev = f.length > 0 ? f[0].split(":") : new String[0];
      if (dev.length != 2) {
        continue;
      }
      long major = CgroupFiles.parse(dev[0], 0);
      long minor = CgroupFiles.parse(dev[1], 0);
      long rbytes = 0;
      long wbytes = 0;
      long rios = 0;
      long wios = 0;
      for (int i = 1; i < f.length; i++) {
        String[] kv = f[i].split("=", 2);
        long v = kv.length == 2 ? CgroupFiles.parse(kv[1], 0) : 0;
        switch (kv[0]) {
          case "rbytes" -> rbytes = v;
          case "wbytes" -> wbytes = v;
          case "rios" -> rios = v;
          case "wios" -> wios = v;
          default -> { }
        }
      }
      bytes.add(new CgroupStats.BlkioEntry(major, minor, "read", rbytes));
      bytes.add(new CgroupStats.BlkioEntry(major, minor, "write", wbytes));
      ios.add(new CgroupStats.BlkioEntry(major, minor, "read", rios));
      ios.add(new CgroupStats.BlkioEntry(major, minor, "write", wios));
    }
    return new CgroupStats.Blkio(bytes, ios);
  }
}
