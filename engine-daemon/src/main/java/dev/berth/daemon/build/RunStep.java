package dev.berth.daemon.build;

import dev.berth.api.backend.AttachOptions;
import dev.berth.api.backend.ContainerBackend;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.ContainerCreateRequest;
import dev.berth.api.model.container.ContainerWaitResponse;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.types.StdStreamType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs one RUN step (moby {@code containerManager.Run}): a container from the current image with the step's
 * command and environment, its stdout and stderr streamed live to the build output (stderr in red, as dockerd's
 * {@code streamformatter} writes it), then its exit code checked. The caller commits the container's changes and
 * removes it.
 */
final class RunStep {
  private final ContainerBackend containers;

  RunStep(ContainerBackend containers) {
    this.containers = containers;
  }

  static final String STDERR_PREFIX = "\u001b[91m";
  static final String STDERR_SUFFIX = "\u001b[0m";

  /** Creates the step's container with the build's {@link StepHostConfig}; returns its ID. */
  String create(String imageId, ContainerConfig config, HostConfig hostConfig) {
    ContainerConfig.Builder b = config.toBuilder();
    b.image = imageId;
    b.attachStdout = true;
    b.attachStderr = true;
    b.entrypoint = List.of(); // the step's command runs as is, never through the image's ENTRYPOINT
    return containers.create(null, null, ContainerCreateRequest.of(b.build(), hostConfig, null)).id();
  }

  /**
   * Starts the container, streams its output to {@code out}, and returns its exit code; kills it and throws
   * {@link BuildCancelledException} when {@code cancelled} completes first.
   */
  long run(String id, Consumer<String> out, CompletableFuture<?> cancelled) {
    ContainerBackend.AttachSession session = containers.attach(id, new AttachOptions(true, false, false, true,
        true, null));
    CompletableFuture<ContainerWaitResponse> exit = containers.await(id, "next-exit");
    Thread pump = Thread.ofVirtual().name("build-run-" + id.substring(0, 12)).start(() -> {
      try {
        session.serve(InputStream.nullInputStream(), (stream, data) -> {
          String text = new String(data, StandardCharsets.UTF_8);
          out.accept(stream == StdStreamType.STDERR ? STDERR_PREFIX + text + STDERR_SUFFIX : text);
        });
      } catch (Exception e) {
        // the container's output ended or the client went away; the exit code decides
      }
    });
    containers.start(id);
    CompletableFuture.anyOf(exit, cancelled).join();
    if (!exit.isDone()) {
      try {
        containers.kill(id, "KILL");
      } catch (RuntimeException e) {
        // it exited meanwhile
      }
      pump.interrupt();
      throw new BuildCancelledException();
    }
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
