package dev.berth.daemon.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stock docker CLI pointed at one daemon, with a private DOCKER_CONFIG (never the developer's). */
public final class DockerCli {
  /**
   * The stock CLI (28.x in /usr/local/bin) rather than whatever `docker` comes first on PATH: Debian's docker.io
   * puts its 20.10 client in /usr/bin, which lacks flags the tests use.
   */
  static final String BINARY = java.nio.file.Files.isExecutable(Path.of("/usr/local/bin/docker"))
      ? "/usr/local/bin/docker" : "docker";

  private final Map<String, String> env = new HashMap<>();

  public DockerCli(String host, Path config) {
    env.put("DOCKER_HOST", host);
    env.put("DOCKER_CONFIG", config.toString());
    env.put("DOCKER_CLI_HINTS", "false");
  }

  /** Extra environment for the CLI (e.g. TLS settings). */
  public DockerCli with(String key, String value) {
    env.put(key, value);
    return this;
  }

  public CliResult run(String... args) {
    return run(null, Duration.ofSeconds(60), args);
  }

  public CliResult run(byte[] stdin, Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(BINARY);
    cmd.addAll(List.of(args));
    return Processes.run(cmd, env, stdin, timeout);
  }

  /** Starts the CLI without waiting (stdout and stderr merged), for tests that interrupt it. */
  public Process start(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(BINARY);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static boolean available() {
    return Processes.run(List.of("sh", "-c", "command -v docker"), Map.of(), null, Duration.ofSeconds(5))
        .exitCode() == 0;
  }
}
