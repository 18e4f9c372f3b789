package dev.berth.runtime.monitor;

import java.nio.file.Path;

/**
 * What to watch for one process's end.
 *
 * @param id reported back in {@link ContainerExit#id()}
 * @param exitFile the file conmon writes the exit code into
 * @param oomFile the file whose existence means an OOM kill (conmon's persist-dir {@code oom}), or null
 * @param memoryCgroup the v1 memory cgroup dir whose {@code memory.oom_control} {@code oom_kill} counter is the OOM
 *     fallback, or null
 * @param conmonPidFile conmon's pid file, used to notice a conmon that died without writing the exit file
 */
public record ExitTarget(String id, Path exitFile, Path oomFile, Path memoryCgroup, Path conmonPidFile) {
  /** The target of a container, with an optional memory cgroup dir for the OOM fallback. */
  public static ExitTarget of(ContainerLayout layout, Path memoryCgroup) {
    return new ExitTarget(layout.id(), layout.exitFile(), layout.oomFile(), memoryCgroup, layout.conmonPidFile());
  }
}
