package dev.berth.daemon.build;

import dev.berth.api.backend.ContainerBackend;
import dev.berth.api.backend.ImageBackend;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.linux.FsOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code docker build} with dockerd's classic builder: unpacks the context, parses the Dockerfile and runs its
 * stages step by step (RUN in containers, COPY/ADD as generated layers, the rest as config-only images), with
 * the classic output and cache. One {@link BuildRun} per request.
 */
public final class Builder {
  private final BuildServices services;
  private final Path tmpRoot;

  /**
   * @param pulls pulls base images that are missing locally (and all of them with {@code pull=1}); a bare name
   *     means its {@code latest} tag (moby {@code TagNameOnly}), not every tag
   * @param images the image store the steps' images go to
   */
  public Builder(ContainerBackend containers, ImageBackend pulls, ImageService images, FsOps fs, Path dataRoot,
      String dockerVersion) {
    Path root = dataRoot.resolve("builder");
    this.tmpRoot = root.resolve("tmp");
    BuildContext.deleteTree(tmpRoot);
    this.services = new BuildServices(images, new RunStep(containers), new ImageCommitter(images, dockerVersion),
        new BuildCache(root.resolve("cache.json")), fs, tmpRoot, (ref, platform, auth, progress) ->
        pulls.pull(new ImageBackend.PullOptions(ImageReference.parse(ref).withDefaultTag().toString(), "",
            platform, auth), progress));
  }

  /**
   * Builds; writes the JSON stream to {@code out}; returns the final image ID. When {@code cancelled} completes
   * (the client went away), the running step's container is killed and removed and the build stops, as dockerd
   * cancels a build with its request.
   */
  public String build(BuildOptions options, InputStream context, Consumer<JsonMessage> out,
      CompletableFuture<?> cancelled) throws IOException {
    try (BuildContext ctx = BuildContext.extract(context, tmpRoot, services.fs())) {
      return new BuildRun(services, options, ctx, out, cancelled).run();
    }
  }

  /** {@code POST /build/prune}: forgets the cache; returns the number of entries dropped. */
  public int pruneCache() {
    return services.cache().clear();
  }
}
