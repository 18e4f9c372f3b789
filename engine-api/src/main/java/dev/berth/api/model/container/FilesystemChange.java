package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of {@code GET /containers/{id}/changes} (Go {@code container.FilesystemChange}; it replaced the older
 * {@code ContainerChangeResponseItem} with the same shape). {@code Kind}: 0 modified, 1 added, 2 deleted.
 */
public record FilesystemChange(
    @JsonProperty("Kind") int kind,
    @JsonProperty("Path") String path) {

  public static final int MODIFIED = 0;
  public static final int ADDED = 1;
  public static final int DELETED = 2;

  public static FilesystemChange modified(String path) {
    return new FilesystemChange(MODIFIED, path);
  }

  public static FilesystemChange added(String path) {
    return new FilesystemChange(ADDED, path);
  }

  public static FilesystemChange deleted(String path) {
    return new FilesystemChange(DELETED, path);
  }
}
