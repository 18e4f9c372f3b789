package dev.berth.runtime.spec;

import java.util.List;
import java.util.Optional;

/** Reads device nodes on the host. {@link HostDeviceLookup} stats real files; tests use a fake. */
public interface DeviceLookup {

  /** The device at {@code path} (symlinks not followed), or empty if it is not a char/block/fifo node. */
  Optional<LinuxDevice> device(String path);

  /** True if something exists at {@code path} (symlinks not followed). */
  boolean exists(String path);

  /** True if {@code path} is a directory (followed through symlinks). */
  boolean isDirectory(String path);

  /** Every device below {@code dir}, recursively, with host paths. */
  List<LinuxDevice> devicesUnder(String dir);

  /** Every device a privileged container gets: those under {@code /dev}, minus pts/shm/mqueue/console/fifos. */
  List<LinuxDevice> hostDevices();

  /** {@code path} with symlinks resolved, or {@code path} itself when it cannot be resolved. */
  String resolve(String path);
}
