package dev.berth.storage.image;

/**
 * Receives image events as dockerd logs them ({@code LogImageEvent}): action {@code tag}, {@code untag},
 * {@code delete}, {@code import}, {@code load}, {@code save}; {@code name} is the reference or the ID.
 */
@FunctionalInterface
public interface ImageEventListener {
  void imageEvent(String action, String imageId, String name);

  static ImageEventListener none() {
    return (action, id, name) -> { };
  }
}
