package dev.berth.daemon.build;

import dev.berth.storage.image.ImageService;
import dev.berth.storage.linux.FsOps;
import java.nio.file.Path;

/** What every build shares. */
record BuildServices(ImageService images, RunStep runs, ImageCommitter committer, BuildCache cache, FsOps fs,
    Path tmpRoot) {}
