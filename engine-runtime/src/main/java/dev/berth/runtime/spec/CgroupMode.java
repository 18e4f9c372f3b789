package dev.berth.runtime.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** How the host mounts cgroups; decides dockerd's default cgroup namespace mode. */
public enum CgroupMode {
  /** Only v1 hierarchies. */
  LEGACY,
  /** v1 hierarchies plus a v2 mount at {@code unified} (our VMs). */
  HYBRID,
  /** Pure cgroup v2. */
  UNIFIED;

  public static CgroupMode detect() {
    return detect(Path.of("/sys/fs/cgroup"));
  }

  static CgroupMode detect(Path root) {
    if (Files.exists(root.resolve("cgroup.controllers"))) {
      return UNIFIED;
    }
    return Files.isDirectory(root.resolve("unified")) ? HYBRID : LEGACY;
  }
}
