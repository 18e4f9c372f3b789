package dev.berth.daemon.archive;

import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel file systems a running container has mounted ({@code /proc}, {@code /sys}, {@code /dev} …). Seen
 * through {@code /proc/<pid>/root}, they would show host devices and endless pseudo files; dockerd's archive view
 * (rootfs plus volumes) does not have them, so cp and export do not enter them.
 */
final class KernelMounts {
  private static final Pattern PROC_ROOT = Pattern.compile("/proc/(\\d+)/root");
  private static final Set<String> KERNEL_TYPES = Set.of("proc", "sysfs", "devpts", "mqueue", "cgroup", "cgroup2",
      "debugfs", "tracefs", "securityfs", "fusectl", "configfs", "bpf", "pstore");
  private static final Set<String> KERNEL_DIRS = Set.of("/dev", "/dev/shm");

  private final Path root;
  private final Set<Path> hidden;

  private KernelMounts(Path root, Set<Path> hidden) {
    this.root = root;
    this.hidden = hidden;
  }

  /** The mounts to hide under {@code root}: none unless it is a {@code /proc/<pid>/root}. */
  static KernelMounts of(Path root) throws IOException {
    Matcher m = PROC_ROOT.matcher(root.toString());
    Set<Path> hidden = new HashSet<>();
    if (m.matches()) {
      List<String> lines = KernelFiles.lines(Path.of("/proc", m.group(1), "mountinfo"));
      hidden.addAll(parse(lines).stream().map(p -> p.equals("/") ? root : root.resolve(p.substring(1))).toList());
    }
    return new KernelMounts(root, hidden);
  }

  /** Container paths of kernel mounts in {@code mountinfo} lines. */
  static Set<String> parse(List<String> mountinfo) {
    Set<String> out = new HashSet<>();
    for (String line : mountinfo) {
      String[] f = line.split(" ");
      int dash = List.of(f).indexOf("-");
      if (f.length < 5 || dash < 0 || dash + 1 >= f.length) {
        continue;
      }
      String point = f[4];
      if (!point.equals("/") && (KERNEL_TYPES.contains(f[dash + 1]) || KERNEL_DIRS.contains(point))) {
        out.add(point);
      }
    }
    return out;
  }

  /** Whether {@code p} is a kernel mount point: archived as an empty directory, never entered. */
  boolean isMountPoint(Path p) {
    return hidden.contains(p);
  }

  /** Whether {@code p} lies strictly inside a kernel mount. */
  boolean isInside(Path p) {
    for (Path q = p.getParent(); q != null && q.startsWith(root); q = q.getParent()) {
      if (hidden.contains(q)) {
        return true;
      }
    }
    return false;
  }
}
