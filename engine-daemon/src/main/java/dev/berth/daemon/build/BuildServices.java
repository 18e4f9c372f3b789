package dev.berth.daemon.build;

import dev.berth.api.model.stream.JsonMessage;
import dev.berth.api.model.system.AuthConfig;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.linux.FsOps;
import java.nio.file.Path;
import java.util.function.Consumer;

/** What every build shares. */
record BuildServices(ImageService images, RunStep runs, ImageCommitter committer, BuildCache cache, FsOps fs,
    Path tmpRoot, Puller puller) {

  /** Pulls an image by reference (for a platform, or "" for the host's; with credentials or null), reporting
   * progress as JSON messages. */
  @FunctionalInterface
  interface Puller {
    void pull(String ref, String platform, AuthConfig auth, Consumer<JsonMessage> progress);
  }
}
