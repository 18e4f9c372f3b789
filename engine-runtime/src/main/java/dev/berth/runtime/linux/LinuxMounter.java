package dev.berth.runtime.linux;

import dev.berth.api.types.MountSpec;
import dev.berth.runtime.mount.MountOptions;
import dev.berth.runtime.mount.Mounter;
import java.nio.file.Path;
import java.util.List;

/** {@link Mounter} through mount(2)/umount2(2) in the daemon's own mount namespace. */
public final class LinuxMounter implements Mounter {
  private static final int MNT_DETACH = 2;

  private final LibC libc;

  public LinuxMounter() {
    this.libc = Linux.libc();
  }

  @Override
  public void mount(List<MountSpec> mounts, Path target) {
    String where = target.toString();
    for (MountSpec m : mounts) {
      MountOptions o = MountOptions.parse(m.options());
      long first = o.flags() & (o.isBind() ? ~MountOptions.MS_RDONLY : ~0L);
      call("mount " + m.type() + " on " + where, libc.mount(m.source(), where, m.type(), first, o.data()));
      if (o.needsReadOnlyRemount()) {
        long remount = MountOptions.MS_REMOUNT | MountOptions.MS_BIND | (o.flags() & ~MountOptions.MS_REC);
        call("remount " + where + " read-only", libc.mount(m.source(), where, m.type(), remount, null));
      }
      if (o.propagation() != 0) {
        call("set propagation of " + where, libc.mount("", where, "", o.propagation(), null));
      }
    }
  }

  @Override
  public void unmount(Path target) {
    if (libc.umount2(target.toString(), MNT_DETACH) != 0) {
      int errno = Linux.lastErrno();
      if (errno != Errno.EINVAL && errno != Errno.ENOENT) {
        throw Errno.toException("unmount " + target, errno, libc.strerror(errno));
      }
    }
  }

  private void call(String action, int rc) {
    if (rc != 0) {
      int errno = Linux.lastErrno();
      throw Errno.toException(action, errno, libc.strerror(errno));
    }
  }
}
