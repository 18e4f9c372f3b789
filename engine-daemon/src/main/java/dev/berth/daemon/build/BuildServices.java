package dev.berth.daemon.build;

import dev.berth.storage.image.ImageService;
import dev.berth.storage.linux.FsOps;
import java.nio.file.Path;

/** What every build shares. */
record BuildServices(ImageService images, RunStep runs, ImageCommitter committer, BuildCache cache, FsOps fs,
    Path tmpRoot, Puller puller) {

  /** Pulls an image by reference, reporting progress as JSON messages. */
  @FunctionalInterface
  interface Puller {
    void pull(String ref, java.util.function.Consumer<dev.berth.api.model.stream.JsonMessage> progress);
  }
}
