package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * dockerd's {@code isCpusetListAvailable}: a {@code --cpuset-cpus} list ({@code 0,3-4,7}) checked against the
 * CPUs the host offers (its root cpuset, as {@code sysinfo} reads it), with dockerd's messages.
 */
public final class CpuList {
  /** Linux's usual CPU limit: a larger value is refused before a huge set is built (CVE-2018-20699). */
  private static final int DEFAULT_MAX = 8192;

  private CpuList() {}

  /**
   * @param requested the container's {@code CpusetCpus} (empty: nothing to check)
   * @param available the host's list, e.g. {@code 0-1}
   * @throws InvalidParameterException for a malformed list or a CPU the host does not have
   */
  public static void checkAvailable(String requested, String available) {
    if (requested == null || requested.isEmpty() || available == null || available.isEmpty()) {
      return;
    }
    BitSet host = parse(available, 0);
    BitSet want;
    try {
      want = parse(requested, Math.max(DEFAULT_MAX, host.length() - 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("Invalid value " + requested + " for cpuset cpus: " + e.getMessage());
    }
    BitSet missing = (BitSet) want.clone();
    missing.andNot(host);
    if (!missing.isEmpty()) {
      throw new InvalidParameterException("Requested CPUs are not available - requested " + requested
          + ", available: " + available);
    }
  }

  /** moby {@code parseUintList}: {@code 7}, {@code 1-6}, {@code 0,3-4,7}; duplicates allowed. */
  static BitSet parse(String val, int maximum) {
    BitSet out = new BitSet();
    IllegalArgumentException invalid = new IllegalArgumentException("invalid format: " + val);
    for (String r : val.split(",", -1)) {
      int dash = r.indexOf('-');
      int lo;
      int hi;
      try {
        lo = Integer.parseInt(dash < 0 ? r : r.substring(0, dash));
        hi = dash < 0 ? lo : Integer.parseInt(r.substring(dash + 1));
      } catch (NumberFormatException e) {
        throw invalid;
      }
      if (lo < 0 || hi < lo) {
        throw invalid;
      }
      if (maximum != 0 && hi > maximum) {
        throw new IllegalArgumentException("value of out range, maximum is " + maximum);
      }
      out.set(lo, hi + 1);
    }
    return out;
  }

  /** The CPUs containers may use: the root cpuset (cgroup v1 or v2), else the online CPUs. */
  public static String hostCpus() {
    for (String p : new String[] {"/sys/fs/cgroup/cpuset/cpuset.cpus", "/sys/fs/cgroup/cpuset.cpus.effective",
        "/sys/devices/system/cpu/online"}) {
      try {
        String s = KernelFiles.read(Path.of(p)).trim();
        if (!s.isEmpty()) {
          return s;
        }
      } catch (IOException e) {
        // try the next source
      }
    }
    return "";
  }
}
