package dev.berth.runtime.monitor;

import dev.berth.api.errors.EngineException;
import dev.berth.runtime.oci.FakeOciRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A monitor without processes: {@code create} registers the container with a {@link FakeOciRuntime} (so start,
 * kill, … work on it), exits come from the {@link FakeExitWatcher}, attach from the {@link FakeAttacher}.
 */
public final class FakeMonitor implements Monitor {
  public record Resize(Path ctlFifo, int height, int width) {}

  public final List<CreateRequest> creates = new ArrayList<>();
  public final List<ExecRequest> execs = new ArrayList<>();
  public final List<Resize> resizes = new ArrayList<>();
  public final List<String> cleanedUp = new ArrayList<>();
  private final MonitorConfig config;
  private final FakeOciRuntime runtime;
  private final FakeExitWatcher exits;
  private final FakeAttacher attacher;
  private final Map<String, RecoveredContainer> recoveries = new HashMap<>();
  private final Map<String, EngineException> createFailures = new HashMap<>();
  private final AtomicInteger pids = new AtomicInteger(1000);

  public FakeMonitor(MonitorConfig config, FakeOciRuntime runtime, FakeExitWatcher exits, FakeAttacher attacher) {
    this.config = config;
    this.runtime = runtime;
    this.exits = exits;
    this.attacher = attacher;
  }

  /** The next create of {@code id} fails, e.g. with {@code RuntimeErrors.startFailure("create", "…not found")}. */
  public synchronized void failCreate(String id, EngineException failure) {
    createFailures.put(id, failure);
  }

  public synchronized void recoverAs(String id, RecoveredContainer state) {
    recoveries.put(id, state);
  }

  @Override
  public synchronized MonitoredContainer create(CreateRequest request) {
    creates.add(request);
    EngineException failure = createFailures.remove(request.id());
    if (failure != null) {
      throw failure;
    }
    int pid = pids.incrementAndGet();
    runtime.created(request.id(), pid);
    return new MonitoredContainer(request.id(), pid, pid + 10000, config.layout(request.id(), request.bundle()));
  }

  @Override
  public synchronized ExecSession exec(ExecRequest request, StreamSink sink) {
    execs.add(request);
    ExecLayout layout = new ExecLayout(request.containerId(), request.execId(), request.dir(), config.socketDir());
    Optional<AttachConnection> attach = request.attach()
        ? Optional.of(attacher.attach(layout.attachSocket(), sink)) : Optional.empty();
    return new ExecSession(request.execId(), pids.incrementAndGet(), exits.watch(layout.exitTarget()), attach,
        layout);
  }

  @Override
  public synchronized void resize(Path ctlFifo, int height, int width) {
    resizes.add(new Resize(ctlFifo, height, width));
  }

  @Override
  public void reopenLog(Path ctlFifo) {}

  @Override
  public synchronized RecoveredContainer recover(ContainerLayout layout) {
    return recoveries.getOrDefault(layout.id(), new RecoveredContainer.Lost(layout.id()));
  }

  @Override
  public synchronized void cleanup(ContainerLayout layout) {
    cleanedUp.add(layout.id());
  }

  @Override
  public synchronized void cleanup(ExecLayout layout) {
    cleanedUp.add(layout.execId());
  }
}
