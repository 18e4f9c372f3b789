package dev.berth.daemon.image;

import java.util.List;

/**
 * Which containers use an image: what rmi, prune, {@code images} and {@code system df} need to know about
 * containers. The container manager implements it and hands it to {@link ImageManager#setUsers}; until then no
 * image is in use.
 */
@FunctionalInterface
public interface ImageUsers {
  ImageUsers NONE = imageId -> List.of();

  /** A container created from an image. */
  record User(String containerId, boolean running) {}

  /** Containers (in any state) created from the image with this ID ({@code sha256:…}). */
  List<User> containersUsing(String imageId);
}
