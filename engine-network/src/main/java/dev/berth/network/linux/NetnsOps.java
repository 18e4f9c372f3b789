package dev.berth.network.linux;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Network namespaces pinned by a bind-mounted file (the "sandbox key" handed to the OCI runtime as the netns path).
 * {@link #callIn} runs a task with the calling code's sockets and child processes inside that namespace.
 */
public interface NetnsOps {

  /** Creates a new network namespace and bind-mounts it onto {@code file} (created, parents too). */
  void create(Path file);

  /** Unmounts and deletes {@code file}; a missing or already-unmounted file is not an error. */
  void delete(Path file);

  /**
   * Runs {@code task} inside the namespace pinned at {@code netns} and returns its result. Sockets opened by the task
   * stay in that namespace after it returns; processes it starts are born there.
   */
  <T> T callIn(Path netns, Callable<T> task);
}
