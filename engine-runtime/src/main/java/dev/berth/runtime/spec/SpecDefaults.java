package dev.berth.runtime.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * Daemon-wide settings that shape every spec (the daemon.json equivalents).
 *
 * @param cgroupParent cgroupfs parent for containers without {@code --cgroup-parent} (dockerd: {@code /docker})
 * @param initPath binary for {@code --init}; null if none is installed
 * @param init whether containers get the init by default ({@code "init": true})
 * @param seccompProfile {@code seccomp-profile}: null/{@code builtin}, {@code unconfined}, JSON or a path
 * @param noNewPrivileges {@code no-new-privileges} default
 * @param shmSize default {@code /dev/shm} size in bytes
 * @param ulimits {@code default-ulimits}
 * @param cgroupnsMode {@code default-cgroupns-mode}: null for dockerd's choice (private on v2, host on v1)
 */
public record SpecDefaults(
    String cgroupParent, Path initPath, boolean init, String seccompProfile, boolean noNewPrivileges, long shmSize,
    List<Ulimit> ulimits, NamespaceMode.Kind cgroupnsMode) {

  public static final String CGROUP_PARENT = "/berth";

  public SpecDefaults {
    ulimits = List.copyOf(ulimits);
  }

  /** {@code /berth} parent, the first init binary found, built-in seccomp, 64 MiB /dev/shm. */
  public static SpecDefaults standard() {
    return new SpecDefaults(CGROUP_PARENT, InitBinary.find().orElse(null), false, null, false,
        DefaultSpec.SHM_SIZE, List.of(), null);
  }

  public SpecDefaults withCgroupParent(String parent) {
    return new SpecDefaults(parent, initPath, init, seccompProfile, noNewPrivileges, shmSize, ulimits,
        cgroupnsMode);
  }
}
