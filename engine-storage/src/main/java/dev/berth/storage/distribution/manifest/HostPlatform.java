package dev.berth.storage.distribution.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The platform of this machine: what pulls select when no {@code --platform} is given. For amd64 the variant is
 * the highest micro-architecture level the CPU supports (moby {@code maximumSpec}, via /proc/cpuinfo flags), so
 * an index offering {@code amd64/v3} is preferred on a CPU that can run it.
 */
public final class HostPlatform {
  private static final Platform CURRENT = detect();

  private HostPlatform() {}

  public static Platform current() {
    return CURRENT;
  }

  /** {@code linux/amd64} style, without the detected variant (what dockerd prints in "no matching manifest"). */
  public static Platform defaultSpec() {
    String arch = CURRENT.architecture();
    return Platform.of("linux", arch, arch.equals("arm64") ? "v8" : arch.equals("arm") ? CURRENT.variant() : null);
  }

  private static Platform detect() {
    String arch = switch (System.getProperty("os.arch", "amd64")) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "arm" -> "arm";
      case "x86", "i386", "i686" -> "386";
      case "ppc64le" -> "ppc64le";
      case "s390x" -> "s390x";
      case "riscv64" -> "riscv64";
      default -> System.getProperty("os.arch");
    };
    String variant = switch (arch) {
      case "amd64" -> amd64Level(cpuFlags(Path.of("/proc/cpuinfo")));
      case "arm64" -> "v8";
      case "arm" -> "v7";
      default -> null;
    };
    return Platform.of("linux", arch, variant).normalize();
  }

  /** The x86-64 micro-architecture level (v1…v4) a set of /proc/cpuinfo flags allows. */
  static String amd64Level(Set<String> flags) {
    List<String> v2 = List.of("cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3");
    List<String> v3 = List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave");
    List<String> v4 = List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl");
    if (!flags.containsAll(v2)) {
      return "v1";
    }
    if (!flags.containsAll(v3)) {
      return "v2";
    }
    return flags.containsAll(v4) ? "v4" : "v3";
  }

  static Set<String> cpuFlags(Path cpuinfo) {
    try {
      for (String line : Files.readAllLines(cpuinfo)) {
        if (line.startsWith("flags")) {
          int colon = line.indexOf(':');
          return new HashSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable: assume the baseline
    }
    return Set.of();
  }
}
