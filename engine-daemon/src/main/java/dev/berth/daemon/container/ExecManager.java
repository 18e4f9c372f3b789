package dev.berth.daemon.container;

import dev.berth.api.backend.ExecBackend;
import dev.berth.api.backend.OutputSink;
import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.container.ExecCreateRequest;
import dev.berth.api.model.container.ExecCreateResponse;
import dev.berth.api.model.container.ExecInspectResponse;
import dev.berth.api.model.container.ExecStartRequest;
import dev.berth.runtime.monitor.ExecSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code docker exec} (moby {@code daemon/exec.go}): exec instances in running containers, resolved by ID or
 * unique ID prefix. The checks and messages are dockerd 28's.
 */
public final class ExecManager implements ExecBackend, AutoCloseable {
  private final ContainerContext ctx;
  private final ExecStore store = new ExecStore();
  private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("exec-", 0).factory());
  private final ExecStart starts;

  public ExecManager(ContainerManager containers) {
    this.ctx = containers.context();
    this.starts = new ExecStart(ctx, executor);
  }

  @Override
  public ExecCreateResponse create(String containerRef, ExecCreateRequest req) {
    List<String> cmd = req == null || req.cmd() == null ? List.of() : req.cmd();
    if (cmd.isEmpty()) {
      throw new InvalidParameterException("No exec command specified");
    }
    Container c = ctx.store().get(containerRef);
    ContainerRecord r = c.record();
    checkActive(r, containerRef);
    String user = req.user() == null || req.user().isEmpty() ? nz(r.config().user()) : req.user();
    String dir = req.workingDir() == null || req.workingDir().isEmpty() ? nz(r.config().workingDir())
        : req.workingDir();
    if (req.user() != null && !req.user().isEmpty()) {
      ctx.runtime().execs().validate(ExecStart.runtimeConfig(r, ctx.runtime()),
          new dev.berth.runtime.spec.ExecRequest(cmd, List.of(), req.user(), "", false, false, null));
    }
    ExecConfig cfg = new ExecConfig(cmd.get(0), List.copyOf(cmd.subList(1, cmd.size())), req.tty(),
        req.privileged(), user, dir, req.env() == null ? List.of() : List.copyOf(req.env()), req.attachStdin(),
        req.attachStdout(), req.attachStderr(), detachKeys(req.detachKeys()), req.consoleSize());
    Exec e = new Exec(ContainerIds.generate(), c, cfg);
    store.purge(Instant.now(), this::isRemoved);
    c.lock.lock();
    try {
      checkActive(c.record(), containerRef); // not stopped meanwhile: its cleanup would have missed this exec
      store.add(e);
    } finally {
      c.lock.unlock();
    }
    ctx.event(r, "exec_create: " + cfg.commandLine(), Map.of("execID", e.id));
    return new ExecCreateResponse(e.id);
  }

  @Override
  public void checkStartable(String execRef) {
    startable(execRef);
  }

  @Override
  public void start(String execRef, ExecStartRequest req, InputStream stdin, OutputSink out) throws IOException {
    Exec e = startable(execRef);
    List<Integer> size = req != null && req.consoleSize() != null ? req.consoleSize() : e.config.consoleSize();
    boolean detach = req != null && req.detach();
    starts.start(e, detach, e.config.tty() ? ExecConfig.consoleSize(size) : null, stdin, out);
  }

  @Override
  public ExecInspectResponse inspect(String execRef) {
    Exec e = store.find(execRef);
    if (e == null || isRemoved(e.container) || ExecStore.isOrphaned(e)) {
      throw noSuchExec(execRef);
    }
    return e.inspect();
  }

  @Override
  public void resize(String execRef, int height, int width) {
    Exec e = startable(execRef);
    ExecSession s;
    try {
      s = e.started.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException ex) {
      throw new SystemException("timeout waiting for exec session ready", ex);
    } catch (ExecutionException ex) {
      s = null;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted waiting for exec session", ex);
    }
    if (s == null) {
      throw new InvalidParameterException("exec process is not started");
    }
    try {
      ctx.runtime().monitor().resize(s.layout().ctlFifo(), height, width);
    } catch (NotFoundException ex) {
      if (!e.hasEnded()) { // after the exit the monitor's files are gone: nothing left to resize
        throw new ConflictException("exec " + e.id + " has no terminal to resize", ex);
      }
    }
  }

  /** dockerd's {@code getExecConfig}: the exec exists and its container runs (not paused or restarting). */
  private Exec startable(String execRef) {
    Exec e = store.find(execRef);
    if (e == null || ExecStore.isOrphaned(e)) {
      throw noSuchExec(execRef);
    }
    if (isRemoved(e.container)) {
      throw new NoSuchContainerException(execRef);
    }
    ContainerRecord r = e.container.record();
    checkActive(r, r.id());
    return e;
  }

  /** dockerd's {@code getActiveContainer}; {@code paused} names the container as the caller referred to it. */
  private static void checkActive(ContainerRecord r, String paused) {
    switch (r.state().status()) {
      case RUNNING -> { }
      case PAUSED -> throw new ConflictException("Container " + paused
          + " is paused, unpause the container before exec");
      case RESTARTING -> throw new ConflictException("Container " + r.id()
          + " is restarting, wait until the container is running");
      default -> throw new ConflictException("container " + r.id() + " is not running");
    }
  }

  private boolean isRemoved(Container c) {
    try {
      return ctx.store().get(c.id) != c;
    } catch (NotFoundException e) {
      return true;
    }
  }

  /** moby {@code term.ToBytes}; an unparsable value is a plain (500) error in dockerd. */
  private static byte[] detachKeys(String keys) {
    if (keys == null || keys.isEmpty()) {
      return new byte[0];
    }
    try {
      return DetachKeys.parse(keys);
    } catch (InvalidParameterException e) {
      throw new SystemException("Invalid escape keys (" + keys + ") provided", e);
    }
  }

  private static NotFoundException noSuchExec(String ref) {
    return new NotFoundException("No such exec instance: " + ref);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Exec processes keep running (they belong to their containers); only the daemon's side stops. */
  @Override
  public void close() {
    executor.shutdown();
  }
}
