package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's resolved entrypoint and command (what {@code docker inspect} shows as {@code Path} + {@code Args}).
 *
 * @param entrypoint the effective entrypoint, possibly empty
 * @param cmd the effective command, possibly empty
 */
public record CommandLine(List<String> entrypoint, List<String> cmd) {

  public CommandLine {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
  }

  /**
   * Docker's rules ({@code daemon.merge} + {@code mergeAndVerifyConfig}). A request entrypoint of
   * {@code null} means "not given"; any non-empty one (including {@code [""]}, which the CLI sends for
   * {@code --entrypoint ""}) replaces the image's entrypoint <em>and</em> drops the image's Cmd. With no
   * request entrypoint, the request Cmd replaces the image Cmd when non-empty. {@code [""]} finally means "no
   * entrypoint".
   *
   * @throws InvalidParameterException "no command specified" when both end up empty
   */
  public static CommandLine merge(
      List<String> imageEntrypoint, List<String> imageCmd, List<String> reqEntrypoint, List<String> reqCmd) {
    List<String> entrypoint = reqEntrypoint;
    List<String> cmd = reqCmd == null ? List.of() : reqCmd;
    if (entrypoint == null || entrypoint.isEmpty()) {
      if (cmd.isEmpty() && imageCmd != null) {
        cmd = imageCmd;
      }
      if (entrypoint == null) {
        entrypoint = imageEntrypoint == null ? List.of() : imageEntrypoint;
      }
    }
    if (entrypoint.size() == 1 && entrypoint.get(0).isEmpty()) {
      entrypoint = List.of();
    }
    if (entrypoint.isEmpty() && cmd.isEmpty()) {
      throw new InvalidParameterException("no command specified");
    }
    return new CommandLine(entrypoint, cmd);
  }

  /** The full argv: entrypoint followed by cmd. */
  public List<String> args() {
    List<String> all = new ArrayList<>(entrypoint);
    all.addAll(cmd);
    return List.copyOf(all);
  }

  /** {@code docker inspect}'s {@code Path}: the first word. */
  public String path() {
    return args().get(0);
  }

  /** {@code docker inspect}'s {@code Args}: everything after the first word. */
  public List<String> pathArgs() {
    List<String> all = args();
    return all.subList(1, all.size());
  }
}
