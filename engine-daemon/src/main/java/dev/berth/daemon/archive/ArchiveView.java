package dev.berth.daemon.archive;

import dev.berth.daemon.container.ContainerFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * dockerd's archive view of a container (moby {@code openContainerFS}): its root filesystem plus the user's
 * mounts, without the kernel file systems a running container has. So {@code /proc}, {@code /sys} and
 * {@code /dev} are the rootfs's own directories there: {@code docker cp f c:/proc/x} writes into the container's
 * layer (where the container cannot see it under its procfs), as dockerd does.
 */
final class ArchiveView {
  private ArchiveView() {}

  /** The root to resolve {@code abs} in: the live {@code /proc/<pid>/root}, or the rootfs for kernel mounts. */
  static ContainerRoot of(ContainerFiles.View v, String abs) throws IOException {
    ContainerRoot live = new ContainerRoot(v.root());
    if (v.root().equals(v.rootfs()) || abs.equals("/dev/shm") || abs.startsWith("/dev/shm/")) {
      return live;
    }
    KernelMounts kernel = KernelMounts.of(v.root());
    Path p = live.resolve(abs);
    Path followed;
    try {
      followed = live.follow(abs);
    } catch (IOException | RuntimeException e) {
      followed = p;
    }
    for (Path q : new Path[] {p, followed}) {
      if (kernel.isMountPoint(q) || kernel.isInside(q)) {
        return new ContainerRoot(v.rootfs());
      }
    }
    return live;
  }
}
