package dev.berth.daemon.container;

import dev.berth.api.backend.AttachOptions;
import dev.berth.api.backend.ContainerBackend;
import dev.berth.api.backend.LogsOptions;
import dev.berth.api.backend.OutputSink;
import dev.berth.api.errors.ConflictException;
import dev.berth.runtime.monitor.AttachConnection;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /containers/{id}/attach}: connects a client to the container's monitor, before the start when the
 * container is not running yet (so {@code docker run} loses no output), forwards stdin with detach-key detection
 * and half-close, and streams output until the container exits or the client detaches.
 */
final class AttachOperation {
  private static final Logger log = LoggerFactory.getLogger(AttachOperation.class);

  private final ContainerContext ctx;
  private final LogsOperation logs;

  AttachOperation(ContainerContext ctx, LogsOperation logs) {
    this.ctx = ctx;
    this.logs = logs;
  }

  /** Checks the state and registers the attach (connected now if running, else at the next start). */
  ContainerBackend.AttachSession attach(Container c, String ref, AttachOptions o) {
    ContainerRecord r = c.record();
    byte[] detachKeys = DetachKeys.parse(o.detachKeys());
    if (r.state().status() == ContainerStatus.PAUSED) {
      throw new ConflictException("container " + ref + " is paused, unpause the container before attach");
    }
    if (!o.stream()) {
      return (stdin, out) -> replayLogs(c, o, out);
    }
    OutputPump pump = new OutputPump(o.stdout(), o.stderr());
    AttachConnection live;
    CompletableFuture<AttachConnection> pending = null;
    boolean ended = false;
    c.lock.lock();
    try {
      if (c.record().state().status().isRunning() && c.layout != null) {
        java.nio.file.Path socket = c.layout.attachSocket();
        try {
          live = ctx.runtime().attacher().attach(socket, pump);
        } catch (RuntimeException e) {
          if (java.nio.file.Files.exists(socket)) {
            throw e;
          }
          // the process exited and its monitor is gone, its exit not yet recorded: as attaching to a container
          // that just stopped, the stream ends at once (dockerd: the attach returns when the streams close)
          live = null;
          ended = true;
        }
      } else {
        pending = new CompletableFuture<>();
        c.pendingAttaches.add(new Container.PendingAttach(pump, pending));
        live = null;
      }
    } finally {
      c.lock.unlock();
    }
    ctx.event(c.record(), "attach");
    CompletableFuture<AttachConnection> waiting = pending;
    if (ended) {
      return (stdin, out) -> replayLogs(c, o, out);
    }
    AttachConnection connected = live;
    return (stdin, out) -> {
      replayLogs(c, o, out);
      AttachConnection conn = connected;
      if (conn == null) {
        try {
          conn = waiting.get();
        } catch (ExecutionException e) {
          return; // the start failed; the starter reports the error
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      serve(c, r, o, conn, pump, detachKeys, stdin, out);
    };
  }

  private void replayLogs(Container c, AttachOptions o, OutputSink out) throws IOException {
    if (o.logs()) {
      logs.logs(c, new LogsOptions(o.stdout(), o.stderr(), false, null, null, false, -1, false), out,
          new CompletableFuture<>());
    }
  }

  private void serve(Container c, ContainerRecord r, AttachOptions o, AttachConnection conn, OutputPump pump,
      byte[] detachKeys, InputStream stdin, OutputSink out) throws IOException {
    pump.connected(conn);
    Thread input = null;
    if (o.stdin() && stdin != null) {
      input = Thread.ofVirtual().name("attach-stdin-" + c.id.substring(0, 12)).start(
          () -> forwardStdin(stdin, conn, detachKeys, pump, r.config().openStdin()));
    }
    try {
      pump.drainTo(out);
    } finally {
      conn.close();
      if (input != null) {
        input.interrupt();
      }
    }
  }

  private static void forwardStdin(InputStream in, AttachConnection conn, byte[] keys, OutputPump pump,
      boolean openStdin) {
    byte[] buf = new byte[8192];
    DetachKeyFilter filter = new DetachKeyFilter(keys);
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        byte[] fwd = filter.filter(buf, n);
        if (openStdin && fwd.length > 0) {
          conn.writeStdin(fwd);
        }
        if (filter.detached()) {
          pump.stop();
          return;
        }
      }
      conn.closeStdin();
    } catch (IOException e) {
      log.debug("attach stdin ended: {}", e.toString());
      conn.closeStdin();
    }
  }
}
