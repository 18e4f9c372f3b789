package dev.berth.daemon.container;

import dev.berth.runtime.monitor.AttachConnection;
import dev.berth.runtime.monitor.ContainerLayout;
import dev.berth.runtime.monitor.StreamSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One container's live object: the lock that serialises its state changes, the current {@link ContainerRecord}
 * (published to readers through the store), and what exists only while the daemon runs: the monitor layout, the
 * attach requests waiting for a start, the waiters.
 */
final class Container {
  final String id;
  final ReentrantLock lock = new ReentrantLock();
  final Waiters waiters = new Waiters();
  /** Attach clients that arrived before the start; connected by the start before the process runs. */
  final List<PendingAttach> pendingAttaches = new ArrayList<>();
  private volatile ContainerRecord record;
  /** Set while the container runs under a monitor. Guarded by {@link #lock}. */
  ContainerLayout layout;
  /** Completes when a stop/kill sequence sees the exit; recreated at each start. */
  volatile CompletableFuture<Integer> exited = CompletableFuture.completedFuture(0);
  /** IDs of the execs created or running in this run (moby {@code ExecCommands}); see {@link ExecStore}. */
  final Set<String> execs = Collections.synchronizedSet(new LinkedHashSet<>());
  /**
   * moby's {@code RemovalInProgress}: taken by a removal before it kills a running container, so the exit's
   * auto-remove (--rm) finds it taken, not the other way round.
   */
  final AtomicBoolean removalInProgress = new AtomicBoolean();

  /** An attach waiting for the container to start. */
  record PendingAttach(StreamSink sink, CompletableFuture<AttachConnection> connection) {}

  Container(ContainerRecord record) {
    this.id = record.id();
    this.record = record;
  }

  ContainerRecord record() {
    return record;
  }

  void setRecord(ContainerRecord r) {
    this.record = r;
  }

  ContainerStatus status() {
    return record.state().status();
  }

  /** Inspect's {@code ExecIDs}: null when there are none, as dockerd. */
  List<String> execIds() {
    synchronized (execs) {
      return execs.isEmpty() ? null : List.copyOf(execs);
    }
  }
}
