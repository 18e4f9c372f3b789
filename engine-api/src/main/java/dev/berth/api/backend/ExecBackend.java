package dev.berth.api.backend;

import dev.berth.api.model.container.ExecCreateRequest;
import dev.berth.api.model.container.ExecCreateResponse;
import dev.berth.api.model.container.ExecInspectResponse;
import dev.berth.api.model.container.ExecStartRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the exec routes need ({@code docker exec}; moby {@code execBackend}). Exec references are exec IDs.
 * Errors are the engine's kinds with dockerd's messages: 404 unknown exec or container, 409 container not
 * running / paused / restarting or exec already started, 400 no command or unknown user.
 */
public interface ExecBackend {
  /** Registers an exec in a running container ({@code POST /containers/{id}/exec}); emits {@code exec_create}. */
  ExecCreateResponse create(String containerRef, ExecCreateRequest request);

  /**
   * dockerd's {@code ExecExists}: throws when the exec is unknown or its container is not running. The routes call
   * it before they hijack the connection, so those errors still get a real status.
   */
  void checkStartable(String execRef);

  /**
   * Starts the exec's process in the container's namespaces and cgroup. With {@code request.detach()} it returns
   * once the process runs ({@code stdin} and {@code out} are ignored). Otherwise it blocks like an attach: output
   * goes to {@code out} until the process exits (then its exit code is already visible to {@link #inspect}), or
   * the client detaches with the detach keys (TTY only); EOF on {@code stdin} closes the process's stdin
   * (without a TTY) while output keeps flowing.
   *
   * @throws dev.berth.api.errors.ConflictException when the exec was started before
   */
  void start(String execRef, ExecStartRequest request, InputStream stdin, OutputSink out) throws IOException;

  ExecInspectResponse inspect(String execRef);

  /** Resizes the exec's TTY; waits up to 10 s for a just-started exec's process. */
  void resize(String execRef, int height, int width);
}
