package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceSpecsTest {
  private static final long MIB = 1024 * 1024;

  static Stream<Arguments> mappings() {
    return Stream.of(
        Arguments.of("-m 64m", Resources.builder().memory(64 * MIB).build().withDockerDefaults(),
            new LinuxMemory(64 * MIB, null, 128 * MIB, null, null), null, null),
        Arguments.of("-m 64m --memory-swap -1", Resources.builder().memory(64 * MIB).memorySwap(-1).build(),
            new LinuxMemory(64 * MIB, null, null, null, null), null, null),
        Arguments.of("-m 64m --memory-swap 100m --memory-reservation 32m --oom-kill-disable",
            Resources.builder().memory(64 * MIB).memorySwap(100 * MIB).memoryReservation(32 * MIB)
                .oomKillDisable(true).build(),
            new LinuxMemory(64 * MIB, 32 * MIB, 100 * MIB, null, true), null, null),
        Arguments.of("--memory-swappiness 10", Resources.builder().memorySwappiness(10L).build(),
            new LinuxMemory(null, null, null, 10L, null), null, null),
        Arguments.of("--cpus 1.5", Resources.builder().nanoCpus(1_500_000_000L).build(), null,
            new LinuxCpu(null, 150_000L, 100_000L, null, null, null, null), null),
        Arguments.of("--cpus 0.25", Resources.builder().nanoCpus(250_000_000L).build(), null,
            new LinuxCpu(null, 25_000L, 100_000L, null, null, null, null), null),
        Arguments.of("--cpu-quota/--cpu-period/--cpu-shares",
            Resources.builder().cpuQuota(50_000).cpuPeriod(200_000).cpuShares(512).build(), null,
            new LinuxCpu(512L, 50_000L, 200_000L, null, null, null, null), null),
        Arguments.of("--cpuset-cpus/--cpuset-mems", Resources.builder().cpusetCpus("0-1").cpusetMems("0").build(),
            null, new LinuxCpu(null, null, null, null, null, "0-1", "0"), null),
        Arguments.of("--pids-limit 100", Resources.builder().pidsLimit(100L).build(), null, null,
            new LinuxPids(100)),
        Arguments.of("--pids-limit 0", Resources.builder().pidsLimit(0L).build(), null, null, null),
        Arguments.of("--pids-limit -1", Resources.builder().pidsLimit(-1L).build(), null, null, null),
        Arguments.of("nothing", Resources.NONE, null, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mappings")
  void toSpec(String flags, Resources r, LinuxMemory memory, LinuxCpu cpu, LinuxPids pids) {
    LinuxResources spec = ResourceSpecs.toSpec(r, List.of());
    assertEquals(memory, spec.memory());
    assertEquals(cpu, spec.cpu());
    assertEquals(pids, spec.pids());
  }

  @Test
  void blkioWeight() {
    assertEquals(500, ResourceSpecs.toSpec(Resources.builder().blkioWeight(500).build(), List.of())
        .blockIO().weight());
    assertNull(ResourceSpecs.toSpec(Resources.NONE, List.of()).blockIO());
  }

  @Test
  void swappinessMinusOne_meansUnset() {
    assertNull(Resources.builder().memorySwappiness(-1L).build().memorySwappiness());
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(Resources.builder().memory(1024).build(), "Minimum memory limit allowed is 6MB"),
        Arguments.of(Resources.builder().memory(64 * MIB).memorySwap(32 * MIB).build(),
            "Minimum memoryswap limit should be larger than memory limit, see usage"),
        Arguments.of(Resources.builder().memorySwap(32 * MIB).build(),
            "You should always set the Memory limit when using Memoryswap limit, see usage"),
        Arguments.of(Resources.builder().memorySwappiness(101L).build(),
            "Invalid value: 101, valid memory swappiness range is 0-100"),
        Arguments.of(Resources.builder().memoryReservation(MIB).build(), "Minimum memory reservation allowed is 6MB"),
        Arguments.of(Resources.builder().memory(16 * MIB).memoryReservation(32 * MIB).build(),
            "Minimum memory limit can not be less than memory reservation limit, see usage"),
        Arguments.of(Resources.builder().nanoCpus(1_000_000_000L).cpuPeriod(100_000).build(),
            "Conflicting options: Nano CPUs and CPU Period cannot both be set"),
        Arguments.of(Resources.builder().nanoCpus(1_000_000_000L).cpuQuota(100_000).build(),
            "Conflicting options: Nano CPUs and CPU Quota cannot both be set"),
        Arguments.of(Resources.builder().nanoCpus(3_000_000_000L).build(),
            "range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available"),
        Arguments.of(Resources.builder().cpuPeriod(500).build(),
            "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)"),
        Arguments.of(Resources.builder().cpuQuota(500).build(), "CPU cfs quota can not be less than 1ms (i.e. 1000)"),
        Arguments.of(Resources.builder().cpuShares(-2).build(),
            "invalid CPU shares (-2): value must be a positive integer"),
        Arguments.of(Resources.builder().blkioWeight(5).build(), "Range of blkio weight is from 10 to 1000"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidResources_useDockerdMessages(Resources r, String message) {
    var e = assertThrows(InvalidParameterException.class, () -> ResourceChecks.validate(r, 2));
    assertEquals(message, e.getMessage());
  }

  @Test
  void oomKillDisableWithoutMemory_warns() {
    assertEquals(1, ResourceChecks.validate(Resources.builder().oomKillDisable(true).build(), 2).size());
  }
}
