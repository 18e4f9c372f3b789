package dev.berth.runtime.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.errors.SystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link OciRuntime} through the runtime's command line; works for runc and crun (directly or through the
 * {@link CrunWrapper}). Every call passes the same {@code --root} so create, start, kill and delete agree.
 */
public final class RuncCli implements OciRuntime {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeConfig runtime;
  private final CommandRunner runner;

  public RuncCli(RuntimeConfig runtime, CommandRunner runner) {
    this.runtime = runtime;
    this.runner = runner;
  }

  public RuntimeConfig config() {
    return runtime;
  }

  @Override
  public void start(String id) {
    run("start", id, "start", id);
  }

  @Override
  public void kill(String id, int signal) {
    run("kill", id, "kill", id, Integer.toString(signal));
  }

  @Override
  public void pause(String id) {
    run("pause", id, "pause", id);
  }

  @Override
  public void resume(String id) {
    run("resume", id, "resume", id);
  }

  @Override
  public void delete(String id, boolean force) {
    try {
      if (force) {
        run("delete", id, "delete", "--force", id);
      } else {
        run("delete", id, "delete", id);
      }
    } catch (NoSuchRuntimeContainerException alreadyGone) {
      // idempotent: the container was never created or is already deleted
    }
  }

  @Override
  public ContainerState state(String id) {
    String out = run("state", id, "state", id);
    try {
      return JSON.readValue(out, ContainerState.class);
    } catch (JsonProcessingException e) {
      throw new SystemException("cannot parse the state of container " + id, e);
    }
  }

  @Override
  public List<Integer> ps(String id) {
    String out = run("ps", id, "ps", "--format", "json", id).strip();
    if (out.isEmpty() || out.equals("null")) {
      return List.of();
    }
    try {
      return Arrays.stream(JSON.readValue(out, int[].class)).boxed().toList();
    } catch (JsonProcessingException e) {
      throw new SystemException("cannot parse the processes of container " + id, e);
    }
  }

  @Override
  public void update(String id, Path resources) {
    run("update", id, "update", "--resources", resources.toString(), id);
  }

  private String run(String operation, String id, String... subcommand) {
    List<String> argv = new ArrayList<>(runtime.command(subcommand));
    CommandRunner.CommandResult result = runner.run(argv, TIMEOUT);
    if (result.exitCode() != 0) {
      throw RuntimeErrors.commandFailure(operation, id, result.stderr() + "\n" + result.stdout());
    }
    return result.stdout();
  }
}
