package dev.berth.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KernelMountsTest {

  @Test
  void parse_findsKernelFileSystemsAndDev() {
    List<String> lines = List.of(
        "71 47 0:39 / / rw,relatime - overlay overlay rw,lowerdir=/l",
        "72 71 0:42 / /proc rw,nosuid - proc proc rw",
        "73 71 0:43 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k",
        "74 73 0:44 / /dev/pts rw - devpts devpts rw",
        "75 71 0:45 / /sys ro - sysfs sysfs ro",
        "76 71 8:1 /tmp/bind /mnt/b rw - ext4 /dev/sda1 rw",
        "77 71 0:50 / /data rw - tmpfs tmpfs rw");
    assertEquals(Set.of("/proc", "/dev", "/dev/pts", "/sys"), KernelMounts.parse(lines));
  }
}
