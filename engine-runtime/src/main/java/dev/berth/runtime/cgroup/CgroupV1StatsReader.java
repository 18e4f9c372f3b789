package dev.berth.runtime.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads cgroup v1 controllers: {@code <root>/<controller>/<cgroupPath>/…}. Controllers mounted together
 * ({@code cpu,cpuacct}) are found through the usual {@code cpuacct} symlink.
 */
public final class CgroupV1StatsReader implements CgroupStatsReader {
  /** USER_HZ: {@code cpuacct.stat} counts in these ticks (sysconf(_SC_CLK_TCK) is 100 on Linux). */
  private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

  private final Path root;

  public CgroupV1StatsReader(Path root) {
    this.root = root;
  }

  @Override
  public CgroupStats read(String cgroupPath) {
    return new CgroupStats(cpu(dir("cpuacct", cgroupPath), dir("cpu", cgroupPath)),
        memory(dir("memory", cgroupPath)), pids(dir("pids", cgroupPath)), blkio(dir("blkio", cgroupPath)));
  }

  /** {@code <root>/<controller>/<cgroupPath>}. */
  public Path dir(String controller, String cgroupPath) {
    return root.resolve(controller).resolve(relative(cgroupPath));
  }

  static String relative(String cgroupPath) {
    String p = cgroupPath;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }

  private static CgroupStats.Cpu cpu(Path cpuacct, Path cpu) {
    Map<String, Long> stat = CgroupFiles.keyValues(cpuacct.resolve("cpuacct.stat"));
    Map<String, Long> throttling = CgroupFiles.keyValues(cpu.resolve("cpu.stat"));
    return new CgroupStats.Cpu(CgroupFiles.number(cpuacct.resolve("cpuacct.usage")),
        CgroupFiles.numbers(cpuacct.resolve("cpuacct.usage_percpu")),
        stat.getOrDefault("system", 0L) * NANOS_PER_TICK, stat.getOrDefault("user", 0L) * NANOS_PER_TICK,
        throttling.getOrDefault("nr_periods", 0L), throttling.getOrDefault("nr_throttled", 0L),
        throttling.getOrDefault("throttled_time", 0L));
  }

  private static CgroupStats.Memory memory(Path dir) {
    return new CgroupStats.Memory(CgroupFiles.number(dir.resolve("memory.usage_in_bytes")),
        CgroupFiles.number(dir.resolve("memory.max_usage_in_bytes")),
        CgroupFiles.number(dir.resolve("memory.limit_in_bytes"), Long.MAX_VALUE),
        CgroupFiles.number(dir.resolve("memory.failcnt")), CgroupFiles.keyValues(dir.resolve("memory.stat")));
  }

  private static CgroupStats.Pids pids(Path dir) {
    return new CgroupStats.Pids(CgroupFiles.number(dir.resolve("pids.current")),
        CgroupFiles.number(dir.resolve("pids.max"), 0));
  }

  private static CgroupStats.Blkio blkio(Path dir) {
    return new CgroupStats.Blkio(entries(dir.resolve("blkio.throttle.io_service_bytes_recursive")),
        entries(dir.resolve("blkio.throttle.io_serviced_recursive")));
  }

  /** Lines {@code "8:0 Read 1234"}; the closing {@code "Total N"} line is skipped. */
  static List<CgroupStats.BlkioEntry> entries(Path file) {
    List<CgroupStats.BlkioEntry> out = new ArrayList<>();
    for (String line : CgroupFiles.lines(file)) {
      String[] f = line.strip().split("\\s+");
      String[] dev = f.length == 3 ? f[0].split(":") : new String[0];
      if (dev.length == 2) {
        out.add(new CgroupStats.BlkioEntry(CgroupFiles.parse(dev[0], 0), CgroupFiles.parse(dev[1], 0), f[1],
            CgroupFiles.parse(f[2], 0)));
      }
    }
    return out;
  }
}
