package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * dockerd's {@code verifyPlatformContainerResources} for a cgroup v1/v2 host with every controller present:
 * throws {@link InvalidParameterException} with dockerd's messages, returns its warnings.
 */
public final class ResourceChecks {
  /** dockerd's floor for {@code -m} and {@code --memory-reservation}. */
  public static final long MIN_MEMORY = 6L * 1024 * 1024;

  private ResourceChecks() {}

  public static List<String> validate(Resources r, int onlineCpus) {
    return validate(r, onlineCpus, false);
  }

  /** @param update checking the body of {@code docker update}, where a swap limit alone is allowed */
  public static List<String> validate(Resources r, int onlineCpus, boolean update) {
    List<String> warnings = new ArrayList<>();
    if (r.memory() != 0 && r.memory() < MIN_MEMORY) {
      throw invalid("Minimum memory limit allowed is 6MB");
    }
    if (r.memory() > 0 && r.memorySwap() > 0 && r.memorySwap() < r.memory()) {
      throw invalid("Minimum memoryswap limit should be larger than memory limit, see usage");
    }
    if (r.memory() == 0 && r.memorySwap() > 0 && !update) {
      throw invalid("You should always set the Memory limit when using Memoryswap limit, see usage");
    }
    Long swappiness = r.memorySwappiness();
    if (swappiness != null && (swappiness < 0 || swappiness > 100)) {
      throw invalid("Invalid value: " + swappiness + ", valid memory swappiness range is 0-100");
    }
    if (r.memoryReservation() > 0 && r.memoryReservation() < MIN_MEMORY) {
      throw invalid("Minimum memory reservation allowed is 6MB");
    }
    if (r.memory() > 0 && r.memoryReservation() > 0 && r.memory() < r.memoryReservation()) {
      throw invalid("Minimum memory limit can not be less than memory reservation limit, see usage");
    }
    if (Boolean.TRUE.equals(r.oomKillDisable()) && r.memory() == 0) {
      warnings.add("OOM killer is disabled for the container, but no memory limit is set, "
          + "this can result in the system running out of resources.");
    }
    checkCpu(r, onlineCpus);
    if (r.blkioWeight() > 0 && (r.blkioWeight() < 10 || r.blkioWeight() > 1000)) {
      throw invalid("Range of blkio weight is from 10 to 1000");
    }
    return warnings;
  }

  private static void checkCpu(Resources r, int onlineCpus) {
    if (r.nanoCpus() > 0 && r.cpuPeriod() > 0) {
      throw invalid("Conflicting options: Nano CPUs and CPU Period cannot both be set");
    }
    if (r.nanoCpus() > 0 && r.cpuQuota() > 0) {
      throw invalid("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    }
    if (r.nanoCpus() != 0 && (r.nanoCpus() < 0 || r.nanoCpus() > onlineCpus * 1_000_000_000L)) {
      throw invalid("range of CPUs is from 0.01 to " + onlineCpus + ".00, as there are only " + onlineCpus
          + " CPUs available");
    }
    if (r.cpuShares() < 0) {
      throw invalid("invalid CPU shares (" + r.cpuShares() + "): value must be a positive integer");
    }
    if (r.cpuPeriod() != 0 && (r.cpuPeriod() < 1000 || r.cpuPeriod() > 1_000_000)) {
      throw invalid("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
    }
    if (r.cpuQuota() > 0 && r.cpuQuota() < 1000) {
      throw invalid("CPU cfs quota can not be less than 1ms (i.e. 1000)");
    }
  }

  private static InvalidParameterException invalid(String message) {
    return new InvalidParameterException(message);
  }
}
