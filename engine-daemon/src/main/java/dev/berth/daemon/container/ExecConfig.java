package dev.berth.daemon.container;

import dev.berth.runtime.spec.ConsoleSize;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code POST /containers/{id}/exec} fixed about an exec (moby {@code container.ExecConfig} minus the state).
 *
 * @param user the exec's user, or the container's {@code Config.User} when the request had none (as dockerd)
 * @param workingDir the exec's working directory, or the container's {@code Config.WorkingDir}
 * @param env the request's {@code Env}; merged over the container's environment at start
 * @param detachKeys the parsed {@code DetachKeys}; empty for the default {@code ctrl-p,ctrl-q}
 * @param consoleSize {@code [height, width]} from the create request, or null
 */
record ExecConfig(String entrypoint, List<String> args, boolean tty, boolean privileged, String user,
    String workingDir, List<String> env, boolean openStdin, boolean openStdout, boolean openStderr,
    byte[] detachKeys, List<Integer> consoleSize) {

  List<String> cmd() {
    List<String> cmd = new ArrayList<>();
    cmd.add(entrypoint);
    cmd.addAll(args);
    return cmd;
  }

  /** The text after {@code exec_create: } / {@code exec_start: } in events: entrypoint, a space, the args. */
  String commandLine() {
    return entrypoint + " " + String.join(" ", args);
  }

  /** The detach sequence the TTY stdin watches for. */
  byte[] effectiveDetachKeys() {
    return detachKeys.length == 0 ? DetachKeys.DEFAULT : detachKeys;
  }

  /** A {@code [height, width]} pair as the runtime's console size; null when absent or malformed. */
  static ConsoleSize consoleSize(List<Integer> hw) {
    if (hw == null || hw.size() != 2 || hw.get(0) == null || hw.get(1) == null) {
      return null;
    }
    return new ConsoleSize(hw.get(0), hw.get(1));
  }
}
