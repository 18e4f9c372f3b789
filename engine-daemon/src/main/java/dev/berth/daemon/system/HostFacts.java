package dev.berth.daemon.system;

import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Facts about the host read from /proc, /sys and /etc: what {@code /info} and {@code /version} report. */
public final class HostFacts {
  private final Path root;

  /** Reads the real host ({@code root} = "/"); tests pass a fake tree. */
  public HostFacts(Path root) {
    this.root = root;
  }

  public String kernelVersion() {
    return firstLine("proc/sys/kernel/osrelease", System.getProperty("os.version"));
  }

  public String hostname() {
    return firstLine("proc/sys/kernel/hostname", "localhost");
  }

  /** {@code uname -m}: x86_64, aarch64 … */
  public String machine() {
    String arch = firstLine("proc/sys/kernel/arch", null);
    if (arch != null) {
      return arch;
    }
    return switch (System.getProperty("os.arch")) {
      case "amd64" -> "x86_64";
      case "arm64" -> "aarch64";
      default -> System.getProperty("os.arch");
    };
  }

  /** GOARCH-style name: amd64, arm64 … */
  public String goArch() {
    return switch (machine()) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      case "armv7l" -> "arm";
      default -> machine();
    };
  }

  public Map<String, String> osRelease() {
    Map<String, String> m = new HashMap<>();
    for (String line : lines("etc/os-release")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        String v = line.substring(eq + 1).trim();
        if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
          v = v.substring(1, v.length() - 1);
        }
        m.put(line.substring(0, eq).trim(), v);
      }
    }
    return m;
  }

  public long memTotalBytes() {
    for (String line : lines("proc/meminfo")) {
      if (line.startsWith("MemTotal:")) {
        String[] f = line.split("\\s+");
        return Long.parseLong(f[1]) * 1024;
      }
    }
    return 0;
  }

  public boolean ipv4Forwarding() {
    return "1".equals(firstLine("proc/sys/net/ipv4/ip_forward", "0"));
  }

  /** "2" when /sys/fs/cgroup is a cgroup2 mount (unified), "1" for v1 and hybrid hosts. */
  public String cgroupVersion() {
    return Files.exists(root.resolve("sys/fs/cgroup/cgroup.controllers")) ? "2" : "1";
  }

  public boolean exists(String relative) {
    return Files.exists(root.resolve(relative));
  }

  public int openFileDescriptors() {
    try (var s = Files.list(root.resolve("proc/self/fd"))) {
      return (int) s.count();
    } catch (IOException e) {
      return 0;
    }
  }

  public String firstLine(String relative, String fallback) {
    List<String> l = lines(relative);
    return l.isEmpty() ? fallback : l.get(0).trim();
  }

  private List<String> lines(String relative) {
    try {
      return KernelFiles.lines(root.resolve(relative));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
