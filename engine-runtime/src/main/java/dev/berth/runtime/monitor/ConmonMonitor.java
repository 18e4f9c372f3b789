package dev.berth.runtime.monitor;

import dev.berth.api.errors.SystemException;
import dev.berth.runtime.oci.RuntimeErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link Monitor} with one conmon 2.1 per container and per exec (ENVIRONMENT-NOTES §9). */
public final class ConmonMonitor implements Monitor {
  private final MonitorConfig config;
  private final Attacher attacher;
  private final ExitWatcher exits;
  private final Fifos fifos;
  private final ConmonSpawner spawner;

  public ConmonMonitor(MonitorConfig config, Attacher attacher, ExitWatcher exits, Fifos fifos) {
    this(config, attacher, exits, fifos, ConmonSpawner.SHELL);
  }

  ConmonMonitor(MonitorConfig config, Attacher attacher, ExitWatcher exits, Fifos fifos, ConmonSpawner spawner) {
    this.config = config;
    this.attacher = attacher;
    this.exits = exits;
    this.fifos = fifos;
    this.spawner = spawner;
  }

  @Override
  public MonitoredContainer create(CreateRequest request) {
    ContainerLayout layout = config.layout(request.id(), request.bundle());
    MonitorFiles.prepare(config, layout);
    List<String> argv = ConmonArgs.create(config, request, layout);
    SyncFile sync = new SyncFile(layout.persistDir().resolve("sync"));
    Process parent = spawner.spawn(argv, layout.persistDir(), layout.conmonStderr(), sync.path(), null);
    try {
      SyncMessage m = await(sync, parent, layout.conmonPidFile(), layout.conmonStderr(), "create");
      if (m.isFailure()) {
        throw RuntimeErrors.startFailure("create", RuntimeErrors.message(m.message()));
      }
      return new MonitoredContainer(request.id(), m.data(), conmonPid(parent, layout.conmonPidFile()), layout);
    } catch (RuntimeException e) {
      MonitorFiles.remove(layout); // conmon exits on failure without removing its socket link
      throw e;
    }
  }

  @Override
  public ExecSession exec(ExecRequest request, StreamSink sink) {
    ExecLayout layout = new ExecLayout(request.containerId(), request.execId(), request.dir(), config.socketDir());
    MonitorFiles.prepare(layout);
    List<String> argv = ConmonArgs.exec(config, request, layout);
    SyncFile sync = new SyncFile(layout.dir().resolve("sync"));
    try {
      return request.attach() ? attached(request, sink, layout, argv, sync)
          : started(request, layout, sync, spawner.spawn(argv, layout.dir(), layout.conmonStderr(), sync.path(),
              null), null);
    } catch (RuntimeException e) {
      MonitorFiles.removeSocketLink(layout); // the exec dir itself is the caller's: cleanup(ExecLayout)
      throw e;
    }
  }

  private ExecSession attached(ExecRequest request, StreamSink sink, ExecLayout layout, List<String> argv,
      SyncFile sync) {
    Path startFifo = layout.dir().resolve("start");
    fifos.create(startFifo);
    // read-write: the open never blocks, and conmon's read-only open of the fifo then succeeds at once
    try (FileChannel start = FileChannel.open(startFifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      Process parent = spawner.spawn(argv, layout.dir(), layout.conmonStderr(), sync.path(), startFifo);
      signal(start); // conmon blocks on a first start message before it forks
      SyncMessage ready = await(sync, parent, layout.conmonPidFile(), layout.conmonStderr(), "exec");
      if (ready.isFailure()) {
        throw RuntimeErrors.startFailure("exec", RuntimeErrors.message(ready.message()));
      }
      AttachConnection attach = null;
      try {
        attach = attacher.attach(layout.attachSocket(), Objects.requireNonNull(sink, "sink"));
        signal(start); // the second lets the runtime exec: nothing is lost before the attach
        return started(request, layout, sync, parent, attach);
      } catch (RuntimeException e) {
        if (attach != null) {
          attach.close();
        }
        // closing the fifo reads as a start message: kill conmon (its runtime child dies with it) first
        ConmonProcess.kill(layout.conmonPidFile());
        throw e;
      }
    } catch (IOException e) {
      throw new SystemException("cannot use the start fifo of exec " + request.execId(), e);
    }
  }

  private ExecSession started(ExecRequest request, ExecLayout layout, SyncFile sync, Process parent,
      AttachConnection attach) {
    SyncMessage m = await(sync, parent, layout.conmonPidFile(), layout.conmonStderr(), "exec");
    if (m.isFailure()) {
      throw RuntimeErrors.startFailure("exec", RuntimeErrors.message(m.message()));
    }
    CompletableFuture<ContainerExit> exit = exits.watch(layout.exitTarget());
    return new ExecSession(request.execId(), m.data(), exit, Optional.ofNullable(attach), layout);
  }

  private static void signal(FileChannel start) {
    try {
      start.write(ByteBuffer.wrap("start\n".getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      throw new SystemException("cannot signal conmon to start the exec", e);
    }
  }

  /** Waits for the next sync message; when conmon is gone or silent, kills it and reports its stderr. */
  private SyncMessage await(SyncFile sync, Process parent, Path conmonPidFile, Path stderr, String operation) {
    SyncMessage m;
    try {
      m = sync.next(config.startTimeout(),
          () -> !parent.isAlive() && ConmonProcess.find(conmonPidFile).isEmpty());
    } catch (TimeoutException e) {
      ConmonProcess.kill(conmonPidFile);
      throw new SystemException("conmon did not report within " + config.startTimeout() + " ("
          + operation + ")" + MonitorFiles.tail(stderr), e);
    }
    if (m == null) {
      throw new SystemException("conmon exited without reporting (" + operation + ")" + MonitorFiles.tail(stderr));
    }
    return m;
  }

  /** The conmon parent writes the daemon's pid file just before it exits. */
  private static int conmonPid(Process parent, Path pidFile) {
    try {
      parent.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ConmonProcess.readPid(pidFile).map(Long::intValue).orElse(0);
  }

  @Override
  public void resize(Path ctlFifo, int height, int width) {
    ControlFifo.resize(ctlFifo, height, width);
  }

  @Override
  public void reopenLog(Path ctlFifo) {
    ControlFifo.reopenLog(ctlFifo);
  }

  @Override
  public RecoveredContainer recover(ContainerLayout layout) {
    ExitTarget target = ExitTarget.of(layout, null);
    Optional<ProcessHandle> conmon = ConmonProcess.find(layout.conmonPidFile());
    Optional<ContainerExit> exit = ExitFiles.read(target); // after the liveness check: see ExitFileWatcher
    if (exit.isPresent()) {
      return new RecoveredContainer.Exited(layout.id(), exit.get());
    }
    if (conmon.isPresent()) {
      int pid = ConmonProcess.readPid(layout.pidFile()).map(Long::intValue).orElse(0);
      return new RecoveredContainer.Running(layout.id(), pid, (int) conmon.get().pid());
    }
    return new RecoveredContainer.Lost(layout.id());
  }

  @Override
  public void cleanup(ContainerLayout layout) {
    MonitorFiles.remove(layout);
  }

  @Override
  public void cleanup(ExecLayout layout) {
    MonitorFiles.remove(layout);
  }
}
