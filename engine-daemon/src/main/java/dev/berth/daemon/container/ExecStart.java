package dev.berth.daemon.container;

import dev.berth.api.backend.OutputSink;
import dev.berth.api.errors.EngineException;
import dev.berth.api.errors.SystemException;
import dev.berth.runtime.monitor.AttachConnection;
import dev.berth.runtime.monitor.ContainerExit;
import dev.berth.runtime.monitor.ExecLayout;
import dev.berth.runtime.monitor.ExecRequest;
import dev.berth.runtime.monitor.ExecSession;
import dev.berth.runtime.monitor.Stdio;
import dev.berth.runtime.oci.InvalidStartConfigException;
import dev.berth.runtime.spec.ConsoleSize;
import dev.berth.runtime.spec.ContainerRuntimeConfig;
import dev.berth.runtime.spec.ProcessSpec;
import dev.berth.runtime.spec.SpecJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /exec/{id}/start}: writes the exec's OCI process ({@code <bundle>/exec/<id>/process.json}, built
 * from the container's spec), lets a conmon in exec mode run {@code runtime exec} (the process joins the
 * container's namespaces and cgroup), serves the attached client, and records the exit ({@code exec_die}).
 */
final class ExecStart {
  private static final Logger log = LoggerFactory.getLogger(ExecStart.class);
  /** dockerd's exit code for an exec that could not be started without a better one. */
  static final int EXIT_EACCES = 126;

  private final ContainerContext ctx;
  private final Executor executor;

  ExecStart(ContainerContext ctx, Executor executor) {
    this.ctx = ctx;
    this.executor = executor;
  }

  void start(Exec e, boolean detach, ConsoleSize size, InputStream stdin, OutputSink out) throws IOException {
    e.beginStart();
    ContainerRecord r = e.container.record();
    ctx.event(r, "exec_start: " + e.config.commandLine(), Map.of("execID", e.id));
    OutputPump pump = detach ? null : new OutputPump(e.config.openStdout(), e.config.openStderr());
    ExecSession session;
    try {
      session = launch(e, r, size, pump);
    } catch (RuntimeException ex) {
      e.container.execs.remove(e.id);
      e.end(ex instanceof InvalidStartConfigException isc ? isc.exitCode() : EXIT_EACCES);
      e.finished.complete(null);
      if (ex instanceof EngineException ee) {
        throw ee;
      }
      throw new SystemException("cannot start exec " + e.id + ": " + ex.getMessage(), ex);
    }
    e.running(session);
    session.exit().whenCompleteAsync((x, t) -> exited(e, session, x, t), executor);
    if (!detach) {
      attach(e, session, pump, stdin, out);
    }
  }

  private ExecSession launch(Exec e, ContainerRecord r, ConsoleSize size, OutputPump pump) {
    RuntimeServices rt = ctx.runtime();
    Path bundle = rt.bundle(r.id());
    Path dir = bundle.resolve("exec").resolve(e.id);
    ExecConfig c = e.config;
    try {
      Files.createDirectories(dir);
      ProcessSpec process = rt.execs().build(SpecJson.read(bundle), runtimeConfig(r, rt),
          new dev.berth.runtime.spec.ExecRequest(c.cmd(), c.env(), c.user(), c.workingDir(), c.tty(),
              c.privileged(), size));
      Path file = SpecJson.writeProcess(process, dir.resolve("process.json"));
      return rt.monitor().exec(new ExecRequest(r.id(), e.id, dir, file, rt.runtimes().forName(r.runtime()),
          new Stdio(c.openStdin(), true, c.tty()), pump != null), pump);
    } catch (IOException ex) {
      cleanup(new ExecLayout(r.id(), e.id, dir, rt.monitorConfig().socketDir()));
      throw new SystemException("cannot prepare exec " + e.id, ex);
    } catch (RuntimeException ex) {
      cleanup(new ExecLayout(r.id(), e.id, dir, rt.monitorConfig().socketDir()));
      throw ex;
    }
  }

  /** What the exec process inherits from the container (dockerd: env, user, working dir, groups). */
  static ContainerRuntimeConfig runtimeConfig(ContainerRecord r, RuntimeServices rt) {
    var cfg = r.config();
    List<String> groups = r.hostConfig().groupAdd();
    return ContainerRuntimeConfig.builder(r.id(), rt.rootfs(r.id()))
        .env(cfg.env() == null ? List.of() : cfg.env())
        .hostname(cfg.hostname())
        .user(cfg.user())
        .workingDir(cfg.workingDir())
        .groupAdd(groups == null ? List.of() : groups)
        .tty(cfg.tty())
        .build();
  }

  /** Streams until the output ends or the client detaches; after an exit, waits until its code is recorded. */
  private void attach(Exec e, ExecSession session, OutputPump pump, InputStream stdin, OutputSink out)
      throws IOException {
    AttachConnection conn = session.attach().orElseThrow();
    pump.connected(conn);
    ExecStdin input = null;
    Thread reader = null;
    if (e.config.openStdin() && stdin != null) {
      input = new ExecStdin(stdin, conn, e.config.tty() ? e.config.effectiveDetachKeys() : null, pump);
      reader = Thread.ofVirtual().name("exec-stdin-" + ContainerIds.shortId(e.id)).start(input);
    }
    try {
      pump.drainTo(out);
    } finally {
      conn.close();
      if (reader != null) {
        reader.interrupt();
      }
    }
    if (input != null && input.endedAttach()) {
      if (input.detached()) {
        ctx.event(e.container.record(), "exec_detach", Map.of("execID", e.id));
      }
      return;
    }
    try {
      e.finished.get(10, TimeUnit.SECONDS); // the client asks for the exit code as soon as the stream ends
    } catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
      log.debug("exec {}: output ended before its exit was recorded", e.id);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }

  private void exited(Exec e, ExecSession session, ContainerExit exit, Throwable failure) {
    if (failure instanceof java.util.concurrent.CancellationException
        || failure instanceof java.util.concurrent.CompletionException
        && failure.getCause() instanceof java.util.concurrent.CancellationException) {
      return; // the daemon is shutting down: the exec keeps running (live-restore) and its files stay
    }
    int code = failure == null ? exit.exitCode() : ContainerExit.UNKNOWN_EXIT_CODE;
    if (failure != null) {
      log.warn("lost track of exec {}: {}", e.id, failure.toString());
    }
    e.container.execs.remove(e.id);
    if (e.end(code)) {
      ctx.event(e.container.record(), "exec_die", Map.of("execID", e.id, "exitCode", Integer.toString(code)));
    }
    e.finished.complete(code);
    cleanup(session.layout());
  }

  private void cleanup(ExecLayout layout) {
    try {
      ctx.runtime().monitor().cleanup(layout);
    } catch (RuntimeException ex) {
      log.warn("cleanup of exec {}: {}", layout.execId(), ex.toString());
    }
  }
}
