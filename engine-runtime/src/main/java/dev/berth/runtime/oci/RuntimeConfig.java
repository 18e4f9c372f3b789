package dev.berth.runtime.oci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One configured OCI runtime, like an entry of dockerd's {@code runtimes} in daemon.json.
 *
 * @param name the name users pick with {@code --runtime}, e.g. {@code runc}
 * @param path the binary (or wrapper script) to run
 * @param runtimeArgs global arguments passed before every subcommand, e.g. {@code --systemd-cgroup}
 * @param stateRoot the runtime's state directory ({@code --root}); the same for every call on a container
 */
public record RuntimeConfig(String name, Path path, List<String> runtimeArgs, Path stateRoot) {
  public RuntimeConfig {
    runtimeArgs = List.copyOf(runtimeArgs);
  }

  /** The global arguments: {@code --root=<stateRoot>} first, then {@link #runtimeArgs()}. */
  public List<String> globalArgs() {
    List<String> args = new ArrayList<>();
    args.add("--root=" + stateRoot);
    args.addAll(runtimeArgs);
    return args;
  }

  /** The command line of one subcommand: path, global arguments, then {@code subcommand}. */
  public List<String> command(String... subcommand) {
    List<String> argv = new ArrayList<>();
    argv.add(path.toString());
    argv.addAll(globalArgs());
    argv.addAll(List.of(subcommand));
    return argv;
  }
}
