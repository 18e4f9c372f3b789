package dev.berth.runtime.monitor;

/**
 * What a restarted daemon finds for a container it believed running.
 */
public sealed interface RecoveredContainer {
  String id();

  /** conmon is alive: watch the exit and attach as usual. */
  record Running(String id, int pid, int conmonPid) implements RecoveredContainer {}

  /** The container exited (possibly while the daemon was down). */
  record Exited(String id, ContainerExit exit) implements RecoveredContainer {}

  /**
   * conmon is gone and left no exit file: the container may still run unmonitored. The daemon should kill and
   * delete it through the runtime and record {@link ContainerExit#UNKNOWN_EXIT_CODE}.
   */
  record Lost(String id) implements RecoveredContainer {}
}
