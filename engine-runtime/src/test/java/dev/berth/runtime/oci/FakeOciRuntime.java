package dev.berth.runtime.oci;

import dev.berth.api.errors.ConflictException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory OCI runtime for daemon tests: tracks each container's OCI status and records every call
 * ({@code "start id"}, {@code "kill id 9"}, …). Containers enter through {@link #created}, which a
 * {@code FakeMonitor} calls on create; {@link #exited} marks one stopped.
 */
public final class FakeOciRuntime implements OciRuntime {
  public final List<String> calls = new ArrayList<>();
  private final Map<String, ContainerState> states = new HashMap<>();
  private final Map<String, RuntimeException> failures = new HashMap<>();

  public synchronized void created(String id, int pid) {
    states.put(id, state(id, "created", pid));
  }

  public synchronized void exited(String id) {
    states.computeIfPresent(id, (k, s) -> state(id, "stopped", 0));
  }

  /** The next call of {@code operation} ("start", "kill", …) throws {@code failure}. */
  public synchronized void failNext(String operation, RuntimeException failure) {
    failures.put(operation, failure);
  }

  private static ContainerState state(String id, String status, int pid) {
    return new ContainerState("1.0.2", id, status, pid, "/fake/" + id, "2024-01-01T00:00:00Z");
  }

  private ContainerState require(String operation, String id) {
    calls.add(operation + " " + id);
    RuntimeException failure = failures.remove(operation);
    if (failure != null) {
      throw failure;
    }
    ContainerState s = states.get(id);
    if (s == null) {
      throw new NoSuchRuntimeContainerException(id);
    }
    return s;
  }

  private void set(String id, String status) {
    ContainerState s = states.get(id);
    states.put(id, state(id, status, status.equals("stopped") ? 0 : s.pid()));
  }

  @Override
  public synchronized void start(String id) {
    if (!require("start", id).status().equals("created")) {
      throw new OciRuntimeException("start", "cannot start a container that has stopped");
    }
    set(id, "running");
  }

  @Override
  public synchronized void kill(String id, int signal) {
    ContainerState s = require("kill", id);
    calls.set(calls.size() - 1, "kill " + id + " " + signal);
    if (s.isStopped()) {
      throw new ConflictException("container " + id + " is not running");
    }
  }

  @Override
  public synchronized void pause(String id) {
    if (!require("pause", id).isRunning()) {
      throw new ConflictException("container " + id + " is not running");
    }
    set(id, "paused");
  }

  @Override
  public synchronized void resume(String id) {
    if (!require("resume", id).isPaused()) {
      throw new OciRuntimeException("resume", "container not paused");
    }
    set(id, "running");
  }

  @Override
  public synchronized void delete(String id, boolean force) {
    calls.add("delete " + id + (force ? " --force" : ""));
    ContainerState s = states.get(id);
    if (s != null && !force && !s.isStopped() && !s.status().equals("created")) {
      throw new OciRuntimeException("delete", "cannot delete container " + id + " that is not stopped");
    }
    states.remove(id);
  }

  @Override
  public synchronized ContainerState state(String id) {
    return require("state", id);
  }

  @Override
  public synchronized List<Integer> ps(String id) {
    ContainerState s = require("ps", id);
    return s.pid() > 0 ? List.of(s.pid()) : List.of();
  }

  @Override
  public synchronized void update(String id, Path resources) {
    require("update", id);
  }
}
