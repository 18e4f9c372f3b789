package dev.berth.runtime.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which cgroup layout a root holds. A v1 root with a v2 mount at {@code unified/} (hybrid) counts as v1. */
public enum CgroupVersion {
  V1, V2;

  public static CgroupVersion detect(Path root) {
    return Files.exists(root.resolve("cgroup.controllers")) ? V2 : V1;
  }

  /** The value of {@code CgroupVersion} in {@code docker info}. */
  public String dockerName() {
    return this == V2 ? "2" : "1";
  }
}
