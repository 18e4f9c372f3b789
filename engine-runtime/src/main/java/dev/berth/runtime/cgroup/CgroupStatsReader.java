package dev.berth.runtime.cgroup;

/** Reads a container's cgroup counters; pure file I/O under a configurable root, so tests use fake trees. */
public interface CgroupStatsReader {
  /**
   * Samples the cgroup at {@code cgroupPath} (the OCI {@code linux.cgroupsPath}, e.g. {@code /berth/<id>}).
   * Missing files read as zero (a container that just stopped still gets a sample).
   */
  CgroupStats read(String cgroupPath);

  /** The reader for the hierarchy mounted at {@code root} (usually {@code /sys/fs/cgroup}). */
  static CgroupStatsReader forRoot(java.nio.file.Path root) {
    return CgroupVersion.detect(root) == CgroupVersion.V2 ? new CgroupV2StatsReader(root)
        : new CgroupV1StatsReader(root);
  }
}
