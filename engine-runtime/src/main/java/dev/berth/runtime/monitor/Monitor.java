package dev.berth.runtime.monitor;

import java.nio.file.Path;

/**
 * The per-container monitor (conmon): it runs {@code runtime create}/{@code exec}, holds stdio, writes the log,
 * records the exit code and outlives the daemon. Implemented by {@link ConmonMonitor}; tests use
 * {@code FakeMonitor}. All methods block briefly: call them from virtual threads.
 */
public interface Monitor {
  /**
   * Starts conmon, which runs {@code runtime create}; returns once the container is {@code created} (its init
   * waits for {@code OciRuntime.start}). Old exit and OOM files of the same id are removed first.
   *
   * @throws dev.berth.runtime.oci.InvalidStartConfigException command not found (127) or not executable (126)
   * @throws dev.berth.runtime.oci.OciRuntimeException any other runtime failure, with the runtime's message
   */
  MonitoredContainer create(CreateRequest request);

  /**
   * Starts an exec process through conmon's exec mode; with {@code attach}, the sink is connected before the
   * process runs, so no output is lost.
   */
  ExecSession exec(ExecRequest request, StreamSink sink);

  /** Resizes the TTY of the process whose conmon control fifo is {@code ctlFifo}. */
  void resize(Path ctlFifo, int height, int width);

  /** Asks conmon to reopen its log file (after the daemon moved it away). */
  void reopenLog(Path ctlFifo);

  /** Classifies a container the daemon believed running, after a daemon restart. */
  RecoveredContainer recover(ContainerLayout layout);

  /** Removes the monitor's files of a deleted container (exit file, pid files, fifos, socket link). */
  void cleanup(ContainerLayout layout);

  /** Removes an exec's directory and socket link once the exec has ended. */
  void cleanup(ExecLayout layout);
}
