package dev.berth.runtime.spec;

import dev.berth.api.errors.SystemException;
import dev.berth.runtime.mount.MountTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * moby's {@code ensureShared}/{@code ensureSharedOrSlave}: a shared bind needs its source on a shared mount, a
 * slave bind a shared or slave one; otherwise the start fails (500, from {@code createSpec}) with moby's message.
 */
final class BindPropagation {
  private BindPropagation() {}

  /** Checks every bind and volume whose propagation asks the host mount to propagate. */
  static void check(List<ContainerMount> mounts, Supplier<MountTable> table) {
    MountTable t = null;
    for (ContainerMount m : mounts) {
      boolean shared = m.propagation().equals("shared") || m.propagation().equals("rshared");
      boolean slave = m.propagation().equals("slave") || m.propagation().equals("rslave");
      if (m.type() == ContainerMount.Type.TMPFS || !(shared || slave)) {
        continue;
      }
      if (t == null) {
        t = table.get();
      }
      check(m.source(), shared, t);
    }
  }

  static void check(String source, boolean needShared, MountTable table) {
    String real;
    try {
      real = Path.of(source).toRealPath().toString();
    } catch (IOException e) {
      throw new SystemException("lstat " + source + ": no such file or directory", e);
    }
    MountTable.Entry on = table.sourceMountOf(real)
        .orElseThrow(() -> new SystemException("Can't find mount point of " + source));
    if (needShared && !on.isShared()) {
      throw new SystemException("path " + source + " is mounted on " + on.mountPoint()
          + " but it is not a shared mount");
    }
    if (!needShared && !on.isShared() && !on.isSlave()) {
      throw new SystemException("path " + source + " is mounted on " + on.mountPoint()
          + " but it is not a shared or slave mount");
    }
  }
}
