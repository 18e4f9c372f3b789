package dev.berth.storage.archive;

/**
 * Progress of {@code docker load}, typed (the daemon renders the JSON stream): {@link Line}s are printed as
 * {@code {"stream": message}}, {@link LayerProgress} as a progress bar for one layer.
 */
public sealed interface LoadEvent {

  /** A line of output, with its newline, e.g. {@code "Loaded image: busybox:latest\n"}. */
  record Line(String message) implements LoadEvent {}

  /** {@code "Loading layer"} progress for the layer with the given short ID. */
  record LayerProgress(String id, long current, long total) implements LoadEvent {}
}
