package dev.berth.runtime.mount;

import dev.berth.api.types.MountSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Performs mount descriptions (containerd's model: storage describes, the runtime mounts). Errors are engine
 * exceptions ({@code SystemException} carrying the errno).
 */
public interface Mounter {
  /** Mounts each spec on {@code target}, in order (later mounts stack on earlier ones). */
  void mount(List<MountSpec> mounts, Path target);

  /** Detaches whatever is mounted on {@code target}; a target that is not mounted or missing is not an error. */
  void unmount(Path target);
}
