package dev.berth.api.backend;

import dev.berth.api.filters.Filters;
import dev.berth.api.model.container.ContainerCreateRequest;
import dev.berth.api.model.container.ContainerCreateResponse;
import dev.berth.api.model.container.ContainerInspectResponse;
import dev.berth.api.model.container.ContainerPruneResponse;
import dev.berth.api.model.container.ContainerSummary;
import dev.berth.api.model.container.ContainerTopResponse;
import dev.berth.api.model.container.ContainerWaitResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the container routes need. Container references are IDs, unique ID prefixes or names. */
public interface ContainerBackend {
  ContainerCreateResponse create(String name, String platform, ContainerCreateRequest request);

  /** Starts a created or exited container; {@code NotModifiedException} when it already runs. */
  void start(String ref);

  /**
   * Sends the stop signal, waits up to {@code timeoutSeconds} (null: the container's StopTimeout, else 10; -1:
   * forever), then kills; {@code NotModifiedException} when it is not running.
   */
  void stop(String ref, Integer timeoutSeconds, String signal);

  void restart(String ref, Integer timeoutSeconds, String signal);

  void kill(String ref, String signal);

  void pause(String ref);

  void unpause(String ref);

  void rename(String ref, String newName);

  void remove(String ref, boolean force, boolean removeVolumes);

  /**
   * Registers a waiter for {@code condition} ({@code not-running}, {@code next-exit}, {@code removed}) and returns
   * at once; the future completes when the condition is met. Registering before returning lets the caller send
   * its response headers first, as dockerd does, so {@code docker run} can start the container safely.
   */
  CompletableFuture<ContainerWaitResponse> await(String ref, String condition);

  ContainerInspectResponse inspect(String ref, boolean size);

  List<ContainerSummary> list(boolean all, int limit, boolean size, Filters filters);

  void resize(String ref, int height, int width);

  ContainerTopResponse top(String ref, String psArgs);

  ContainerPruneResponse prune(Filters filters);

  /** Whether the container has a TTY (raw stream) or not (multiplexed stream); resolves the reference. */
  boolean hasTty(String ref);

  /**
   * Registers an attach: call this BEFORE answering the client, so a start that follows the answer (the CLI's
   * {@code run}: attach, then start) finds the attach and connects it before the process runs; no output is lost.
   */
  AttachSession attach(String ref, AttachOptions options);

  /** A registered attach. */
  interface AttachSession {
    /** Serves the attach until the container's output ends, the client detaches or goes away. Blocks. */
    void serve(InputStream stdin, OutputSink out) throws IOException;
  }

  /** Writes the container's logs; with {@code follow}, until it exits or {@code clientGone} completes. */
  void logs(String ref, LogsOptions options, OutputSink out, CompletableFuture<?> clientGone) throws IOException;
}
