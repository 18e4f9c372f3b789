package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The command of RUN, CMD or ENTRYPOINT. Shell form is one argument with {@code prependShell}; exec (JSON) form is
 * the array as written. {@link #resolve} gives what goes into the container config (moby {@code resolveCmdLine}).
 *
 * @param args the arguments; empty for {@code ENTRYPOINT []} or a bare {@code ENTRYPOINT}
 * @param prependShell true for shell form
 */
public record CommandLine(List<String> args, boolean prependShell) {
  /** The default SHELL on Linux. */
  public static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  public CommandLine {
    args = List.copyOf(args);
  }

  /** {@code ["/bin/sh","-c", cmd]} (or the current SHELL) for shell form, the array itself for exec form. */
  public List<String> resolve(List<String> shell) {
    if (!prependShell) {
      return args;
    }
    List<String> out = new ArrayList<>(shell.isEmpty() ? DEFAULT_SHELL : shell);
    out.addAll(args);
    return List.copyOf(out);
  }
}
