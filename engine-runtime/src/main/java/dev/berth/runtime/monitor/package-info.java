/**
 * The container monitor: one conmon 2.1 per container and per exec, so containers outlive the daemon with logs,
 * stdin and exit codes intact. {@link dev.berth.runtime.monitor.Monitor} creates containers and execs,
 * {@link dev.berth.runtime.monitor.Attacher} connects to conmon's attach socket,
 * {@link dev.berth.runtime.monitor.ExitWatcher} reports exits from conmon's exit files, and
 * {@link dev.berth.runtime.monitor.Monitor#recover} classifies containers after a daemon restart.
 *
 * <p>Facts this package relies on (conmon 2.1.6, runc 1.1.5, measured): conmon only runs {@code runtime create},
 * the daemon calls {@code runtime start}; the exit file holds the decimal code (128+n after a signal); the attach
 * socket is SOCK_SEQPACKET with a stream byte (2 stdout, 3 stderr) per packet, shutdown(SHUT_WR) by the client
 * makes conmon close the container's stdin unless {@code --leave-stdin-open}; the {@code ctl} fifo takes
 * {@code "1 h w\n"} (resize) and {@code "2 0 0\n"} (reopen log); {@code --log-level debug} leaks conmon lines into
 * exec'd processes' stderr.
 */
package dev.berth.runtime.monitor;
