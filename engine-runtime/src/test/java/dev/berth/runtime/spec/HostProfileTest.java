package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProfileTest {
  @Test
  void cgroupMode_fromTheMountLayout(@TempDir Path root) throws Exception {
    assertEquals(CgroupMode.LEGACY, CgroupMode.detect(root));
    Files.createDirectory(root.resolve("unified"));
    assertEquals(CgroupMode.HYBRID, CgroupMode.detect(root));
    Files.writeString(root.resolve("cgroup.controllers"), "cpu memory\n");
    assertEquals(CgroupMode.UNIFIED, CgroupMode.detect(root));
  }

  @Test
  void thermalThrottle_perCpuThatHasIt(@TempDir Path cpus) throws Exception {
    Files.createDirectories(cpus.resolve("cpu10/thermal_throttle"));
    Files.createDirectories(cpus.resolve("cpu2/thermal_throttle"));
    Files.createDirectories(cpus.resolve("cpu3"));
    Files.createDirectories(cpus.resolve("cpufreq/thermal_throttle"));
    assertEquals(List.of(cpus.resolve("cpu2/thermal_throttle").toString(),
        cpus.resolve("cpu10/thermal_throttle").toString()), HostProfile.thermalThrottlePaths(cpus));
  }

  @Test
  void detect_readsThisHost() {
    HostProfile h = HostProfile.detect();
    assertFalse(h.boundingSet().names().isEmpty());
    assertTrue(h.limits().get("nofile").isPresent());
    assertTrue(h.kernel().atLeast(new KernelVersion(3, 10)));
    assertTrue(h.onlineCpus() > 0);
    assertFalse(h.nativeArch().isEmpty());
    assertTrue(h.devices().device("/dev/null").isPresent());
  }

  @Test
  void vmHost_cannotRaiseHardLimits() {
    assertFalse(TestHosts.vm().canRaiseHardLimits());
  }
}
