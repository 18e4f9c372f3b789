package dev.berth.runtime.oci;

import java.nio.file.Path;
import java.util.List;

/**
 * The OCI runtime operations the daemon performs itself; {@code create} and {@code exec} run under the container's
 * monitor instead (see {@code dev.berth.runtime.monitor.Monitor}). Implemented by {@link RuncCli} (runc, crun) and
 * by {@code FakeOciRuntime} in tests.
 *
 * <p>All methods block for the duration of a runtime invocation (milliseconds): call them from virtual threads,
 * never from an event loop. Failures are engine exceptions: {@link NoSuchRuntimeContainerException} (404) when
 * the runtime does not know the container, a {@code ConflictException} "container ID is not running" (409), or
 * {@link OciRuntimeException} (500) carrying the runtime's message.
 */
public interface OciRuntime {
  /** {@code runtime start}: runs the user process of a created container. */
  void start(String id);

  /** {@code runtime kill ID SIGNAL}; the signal is a number (see {@link Signals#parse}). */
  void kill(String id, int signal);

  void pause(String id);

  void resume(String id);

  /** {@code runtime delete [--force]}; deleting a container the runtime does not know is not an error. */
  void delete(String id, boolean force);

  ContainerState state(String id);

  /** The host pids of all processes in the container ({@code runtime ps --format json}), for {@code docker top}. */
  List<Integer> ps(String id);

  /** {@code runtime update --resources FILE ID}: {@code resources} holds an OCI {@code LinuxResources} JSON object. */
  void update(String id, Path resources);
}
