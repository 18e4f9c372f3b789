package dev.berth.daemon.build;

import dev.berth.api.backend.AttachOptions;
import dev.berth.api.backend.ContainerBackend;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.ContainerCreateRequest;
import dev.berth.api.model.container.ContainerWaitResponse;
import dev.berth.api.model.container.HostConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs one RUN step (moby {@code containerManager.Run}): a container from the current image with the step's
 * command and environment, its stdout and stderr streamed live to the build output, then its exit code checked.
 * The caller commits the container's changes and removes it.
 */
final class RunStep {
  private final ContainerBackend containers;

  RunStep(ContainerBackend containers) {
    this.containers = containers;
  }

  /** Creates the step's container; returns its ID. */
  String create(String imageId, ContainerConfig config, String networkMode) {
    ContainerConfig.Builder b = config.toBuilder();
    b.image = imageId;
    b.attachStdout = true;
    b.attachStderr = true;
    b.entrypoint = List.of(); // the step's command runs as is, never through the image's ENTRYPOINT
    HostConfig.Builder h = HostConfig.empty().toBuilder();
    h.networkMode = networkMode == null || networkMode.isEmpty() ? "default" : networkMode;
    return containers.create(null, null, ContainerCreateRequest.of(b.build(), h.build(), null)).id();
  }

  /** Starts the container, streams its output to {@code out}, and returns its exit code. */
  long run(String id, Consumer<String> out) {
    ContainerBackend.AttachSession session = containers.attach(id, new AttachOptions(true, false, false, true,
        true, null));
    CompletableFuture<ContainerWaitResponse> exit = containers.await(id, "next-exit");
    Thread pump = Thread.ofVirtual().name("build-run-" + id.substring(0, 12)).start(() -> {
      try {
        session.serve(InputStream.nullInputStream(), (stream, data) ->
            out.accept(new String(data, StandardCharsets.UTF_8)));
      } catch (Exception e) {
        // the container's output ended or the client went away; the exit code decides
      }
    });
    containers.start(id);
    ContainerWaitResponse w = exit.join();
    try {
      pump.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted", e);
    }
    return w.statusCode();
  }

  void remove(String id) {
    try {
      containers.remove(id, true, true);
    } catch (RuntimeException e) {
      // already gone
    }
  }
}
