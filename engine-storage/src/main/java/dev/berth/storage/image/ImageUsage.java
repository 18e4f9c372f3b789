package dev.berth.storage.image;

import dev.berth.storage.digest.Digest;
import java.util.List;

/**
 * What storage needs to know about containers, implemented by the daemon: which containers were created from an
 * image. Used by rmi and prune for dockerd's conflict rules.
 */
@FunctionalInterface
public interface ImageUsage {

  /** A container created from an image. */
  record ContainerUse(String containerId, boolean running) {}

  /** Containers whose image is {@code imageId}, in any state. */
  List<ContainerUse> containersUsing(Digest imageId);

  static ImageUsage none() {
    return id -> List.of();
  }
}
