package dev.berth.runtime.spec;

import java.util.List;

/**
 * {@code docker exec} options (Docker's {@code ExecCreateRequest} + start-time console size).
 *
 * @param user empty to use the container's user
 * @param workingDir empty to use the container's working directory
 * @param consoleSize null to keep none
 */
public record ExecRequest(
    List<String> cmd, List<String> env, String user, String workingDir, boolean tty, boolean privileged,
    ConsoleSize consoleSize) {

  public ExecRequest {
    cmd = List.copyOf(cmd);
    env = env == null ? List.of() : List.copyOf(env);
    user = user == null ? "" : user;
    workingDir = workingDir == null ? "" : workingDir;
  }

  public static ExecRequest of(String... cmd) {
    return new ExecRequest(List.of(cmd), List.of(), "", "", false, false, null);
  }
}
