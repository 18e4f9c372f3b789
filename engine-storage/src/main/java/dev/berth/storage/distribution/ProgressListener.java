package dev.berth.storage.distribution;

/** Receives progress; called from transfer threads, so implementations must be thread-safe and quick. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = e -> { };

  void onProgress(ProgressEvent event);
}
