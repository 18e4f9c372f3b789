package dev.berth.runtime.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on fake hierarchies written in a temp dir. */
class CgroupStatsReaderTest {
  @TempDir
  Path root;

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void v1() throws IOException {
    String c = "berth/c1/";
    write("cpuacct/" + c + "cpuacct.usage", "123456789\n");
    write("cpuacct/" + c + "cpuacct.usage_percpu", "100000000 23456789 \n");
    write("cpuacct/" + c + "cpuacct.stat", "user 7\nsystem 3\n");
    write("cpu/" + c + "cpu.stat", "nr_periods 10\nnr_throttled 2\nthrottled_time 5000\n");
    write("memory/" + c + "memory.usage_in_bytes", "4096000\n");
    write("memory/" + c + "memory.max_usage_in_bytes", "5000000\n");
    write("memory/" + c + "memory.limit_in_bytes", "9223372036854771712\n");
    write("memory/" + c + "memory.failcnt", "0\n");
    write("memory/" + c + "memory.stat", "cache 1000\ntotal_inactive_file 2000\nhierarchical_memory_limit "
        + "9223372036854771712\n");
    write("pids/" + c + "pids.current", "3\n");
    write("pids/" + c + "pids.max", "max\n");
    write("blkio/" + c + "blkio.throttle.io_service_bytes_recursive", "8:0 Read 4096\n8:0 Write 8192\n"
        + "8:0 Sync 0\nTotal 12288\n");
    write("blkio/" + c + "blkio.throttle.io_serviced_recursive", "8:0 Read 1\n8:0 Write 2\nTotal 3\n");

    CgroupStatsReader reader = CgroupStatsReader.forRoot(root);
    assertInstanceOf(CgroupV1StatsReader.class, reader);
    CgroupStats s = reader.read("/berth/c1");
    assertEquals(new CgroupStats.Cpu(123456789, List.of(100000000L, 23456789L), 30_000_000, 70_000_000, 10, 2,
        5000), s.cpu());
    assertEquals(4096000, s.memory().usage());
    assertEquals(5000000, s.memory().maxUsage());
    assertEquals(2000L, s.memory().stats().get("total_inactive_file"));
    assertEquals(8L << 30, s.memory().limitOrHost(8L << 30), "unlimited → the host's memory");
    assertEquals(new CgroupStats.Pids(3, 0), s.pids());
    assertEquals(List.of(new CgroupStats.BlkioEntry(8, 0, "Read", 4096), new CgroupStats.BlkioEntry(8, 0, "Write",
        8192), new CgroupStats.BlkioEntry(8, 0, "Sync", 0)), s.blkio().ioServiceBytesRecursive());
    assertEquals(2, s.blkio().ioServicedRecursive().size());
  }

  @Test
  void v2() throws IOException {
    write("cgroup.controllers", "cpu io memory pids\n");
    String c = "berth/c2/";
    write(c + "cpu.stat", "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\nnr_periods 4\nnr_throttled 1\n"
        + "throttled_usec 20\n");
    write(c + "memory.current", "2048\n");
    write(c + "memory.max", "1048576\n");
    write(c + "memory.stat", "anon 1024\ninactive_file 512\n");
    write(c + "memory.events", "low 0\nhigh 0\nmax 7\noom 1\noom_kill 1\n");
    write(c + "pids.current", "2\n");
    write(c + "pids.max", "100\n");
    write(c + "io.stat", "8:16 rbytes=10 wbytes=20 rios=1 wios=2 dbytes=0 dios=0\n");

    CgroupStatsReader reader = CgroupStatsReader.forRoot(root);
    assertInstanceOf(CgroupV2StatsReader.class, reader);
    CgroupStats s = reader.read("berth/c2");
    assertEquals(new CgroupStats.Cpu(1_500_000, List.of(), 500_000, 1_000_000, 4, 1, 20_000), s.cpu());
    assertEquals(2048, s.memory().usage());
    assertEquals(1048576, s.memory().limit());
    assertEquals(1048576, s.memory().limitOrHost(8L << 30));
    assertEquals(7, s.memory().failcnt());
    assertEquals(512L, s.memory().stats().get("inactive_file"));
    assertEquals(new CgroupStats.Pids(2, 100), s.pids());
    assertEquals(List.of(new CgroupStats.BlkioEntry(8, 16, "read", 10), new CgroupStats.BlkioEntry(8, 16, "write",
        20)), s.blkio().ioServiceBytesRecursive());
    assertEquals(List.of(new CgroupStats.BlkioEntry(8, 16, "read", 1), new CgroupStats.BlkioEntry(8, 16, "write",
        2)), s.blkio().ioServicedRecursive());
  }

  @Test
  void v2UnlimitedAndMissingFilesReadAsZero() throws IOException {
    write("cgroup.controllers", "memory\n");
    write("c3/memory.max", "max\n");
    CgroupStats s = new CgroupV2StatsReader(root).read("/c3");
    assertEquals(Long.MAX_VALUE, s.memory().limit());
    assertEquals(0, s.cpu().totalUsage());
    assertTrue(s.blkio().ioServiceBytesRecursive().isEmpty());
    assertEquals("2", CgroupVersion.detect(root).dockerName());
  }

  @Test
  void hostCpuFromProcStat() throws IOException {
    write("stat", "cpu  100 5 50 1000 20 1 4 0 0 0\ncpu0 50 2 25 500 10 1 2 0 0 0\n"
        + "cpu1 50 3 25 500 10 0 2 0 0 0\nintr 12345\nctxt 99\n");
    HostCpu host = HostCpu.read(root.resolve("stat"));
    assertEquals((100 + 5 + 50 + 1000 + 20 + 1 + 4) * 10_000_000L, host.systemCpuUsage());
    assertEquals(2, host.onlineCpus());
  }

  @Test
  void hostMemoryFromMeminfo() throws IOException {
    write("meminfo", "MemTotal:        4028236 kB\nMemFree:          123 kB\n");
    assertEquals(4028236L * 1024, HostMemory.total(root.resolve("meminfo")));
  }

  @Test
  void cleanerRemovesTheContainerInEveryHierarchy() throws IOException {
    for (String h : List.of("cpu", "memory", "pids", "systemd", "unified")) {
      Files.createDirectories(root.resolve(h).resolve("berth/c1/child"));
      Files.createDirectories(root.resolve(h).resolve("berth/c2"));
    }
    Files.createSymbolicLink(root.resolve("cpuacct"), root.resolve("cpu"));
    new CgroupCleaner(root).remove("/berth/c1");
    for (String h : List.of("cpu", "memory", "pids", "systemd", "unified")) {
      assertTrue(Files.notExists(root.resolve(h).resolve("berth/c1")), h);
      assertTrue(Files.exists(root.resolve(h).resolve("berth/c2")), h);
    }
    new CgroupCleaner(root).remove("/berth/c1"); // already gone: fine
  }
}
