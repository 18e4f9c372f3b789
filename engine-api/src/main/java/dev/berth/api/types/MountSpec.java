package dev.berth.api.types;

import java.util.List;

/**
 * A mount described, not performed (containerd's {@code Mount}): storage returns these for a rootfs, the
 * runtime or the daemon hands them to a mounter.
 *
 * @param type the filesystem type, e.g. {@code overlay}, {@code bind}, {@code tmpfs}
 * @param source the mount source, e.g. {@code overlay} or a host path
 * @param options mount options in fstab form, e.g. {@code lowerdir=…}, {@code rbind}, {@code ro}
 */
public record MountSpec(String type, String source, List<String> options) {
  public MountSpec {
    options = List.copyOf(options);
  }
}
