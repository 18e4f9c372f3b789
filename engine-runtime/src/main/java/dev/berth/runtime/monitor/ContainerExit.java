package dev.berth.runtime.monitor;

import java.time.Instant;

/**
 * How a container (or exec) process ended.
 *
 * @param exitCode the exit status, 128+n after signal n (conmon writes 137 after SIGKILL); 255 when unknown
 * @param oomKilled whether the memory cgroup OOM-killed a process of the container
 * @param finishedAt when conmon wrote the exit file (or when the loss was noticed)
 * @param monitorLost true when conmon disappeared without writing an exit file: the code is then 255 and the
 *     container may still be running unmonitored (check {@code OciRuntime.state}, then kill and delete it)
 */
public record ContainerExit(String id, int exitCode, boolean oomKilled, Instant finishedAt, boolean monitorLost) {
  public static final int UNKNOWN_EXIT_CODE = 255;
}
