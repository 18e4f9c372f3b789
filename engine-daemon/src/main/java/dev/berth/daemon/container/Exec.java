package dev.berth.daemon.container;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.model.container.ExecInspectResponse;
import dev.berth.runtime.monitor.ExecSession;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One exec instance: its configuration, its container, and its one-way life: created → starting → running →
 * ended (with an exit code). A start that fails also ends it, with 126 or the runtime's 127. Thread-safe.
 */
final class Exec {
  private enum Phase { CREATED, STARTING, RUNNING, ENDED }

  private static final AtomicLong SEQ = new AtomicLong();

  final String id;
  final Container container;
  final ExecConfig config;
  /** Creation order (timestamps can tie): the oldest idle execs are dropped first. */
  final long seq = SEQ.incrementAndGet();
  /** The session once the process runs; null when the start failed. Resize waits on it. */
  final CompletableFuture<ExecSession> started = new CompletableFuture<>();
  /** The exit code, once it is recorded (visible to inspect). */
  final CompletableFuture<Integer> finished = new CompletableFuture<>();

  private Phase phase = Phase.CREATED;
  private Integer exitCode;
  private int pid;
  private Instant endedAt;

  Exec(String id, Container container, ExecConfig config) {
    this.id = id;
    this.container = container;
    this.config = config;
  }

  /** Claims the start (dockerd's messages when it was claimed before). */
  synchronized void beginStart() {
    if (exitCode != null) {
      throw new ConflictException("exec command " + id + " has already run");
    }
    if (phase != Phase.CREATED) {
      throw new ConflictException("exec command " + id + " is already running");
    }
    phase = Phase.STARTING;
  }

  void running(ExecSession session) {
    synchronized (this) {
      pid = session.pid();
      if (phase == Phase.STARTING) {
        phase = Phase.RUNNING;
      }
    }
    started.complete(session);
  }

  /** Records the exit code (first call wins); {@link #finished} completes after the caller's event. */
  synchronized boolean end(int code) {
    if (phase == Phase.ENDED) {
      return false;
    }
    phase = Phase.ENDED;
    exitCode = code;
    endedAt = Instant.now();
    started.complete(null);
    return true;
  }

  synchronized boolean isCreated() {
    return phase == Phase.CREATED;
  }

  synchronized boolean hasEnded() {
    return phase == Phase.ENDED;
  }

  /** When it ended; null before. */
  synchronized Instant endedAt() {
    return endedAt;
  }

  synchronized ExecInspectResponse inspect() {
    ExecConfig c = config;
    return new ExecInspectResponse(id, phase == Phase.STARTING || phase == Phase.RUNNING, exitCode,
        new ExecInspectResponse.ProcessConfig(c.tty(), c.entrypoint(), c.args(), c.privileged(), c.user()),
        c.openStdin(), c.openStderr(), c.openStdout(), false, container.id, c.detachKeys(), pid);
  }
}
