package dev.berth.daemon.container;

import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.types.MountSpec;
import java.util.List;

/** What containers need from the image store; implemented over engine-storage in {@code Wiring}. */
public interface ImagePort {
  /**
   * An image ready to run: its ID ({@code sha256:…}), runtime config (may be null for bare imports) and
   * platform ({@code os/architecture[/variant]}, empty when unknown).
   */
  record ResolvedImage(String id, ContainerConfig config, String platform) {
    public ResolvedImage(String id, ContainerConfig config) {
      this(id, config, "");
    }
  }

  /** Resolves a reference or ID; {@code NotFoundException} "No such image: …" when missing. */
  ResolvedImage resolve(String ref);

  /** Creates the container's writable layer and returns how to mount its root filesystem. */
  List<MountSpec> prepareRootfs(String containerId, String imageId);

  void removeRootfs(String containerId);

  /** {@code SizeRw} and {@code SizeRootFs} of a container, as {@code docker ps -s} and {@code inspect -s} show. */
  record Sizes(long rw, long rootFs) {}

  default Sizes sizes(String containerId, String imageId) {
    return new Sizes(0, 0);
  }
}
