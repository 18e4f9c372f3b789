package dev.berth.daemon.image;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.image.ImageUsage;
import java.util.List;

/**
 * Storage's view of which containers use an image, answered by whatever {@link ImageUsers} the container manager
 * installs (storage is opened before the container manager exists, so the link is made late).
 */
final class ContainerUsage implements ImageUsage {
  private volatile ImageUsers users = ImageUsers.NONE;

  void set(ImageUsers u) {
    this.users = u == null ? ImageUsers.NONE : u;
  }

  ImageUsers get() {
    return users;
  }

  @Override
  public List<ContainerUse> containersUsing(Digest imageId) {
    return users.containersUsing(imageId.toString()).stream()
        .map(u -> new ContainerUse(u.containerId(), u.running())).toList();
  }
}
