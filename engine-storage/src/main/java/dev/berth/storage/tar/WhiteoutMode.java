package dev.berth.storage.tar;

/** How layer whiteouts ({@code .wh.name}, {@code .wh..wh..opq}) are applied. */
public enum WhiteoutMode {
  /** Into an overlayfs layer dir: char device 0/0 for a deleted path, {@code trusted.overlay.opaque=y} on dirs. */
  OVERLAY,
  /** Onto a flattened tree (copy snapshotter): delete the path, or empty the directory of older content. */
  DELETE
}
