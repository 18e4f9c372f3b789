package dev.berth.runtime.oci;

import java.time.Duration;
import java.util.List;

/** Runs a short-lived command to completion (a ProcessBuilder factory behind an interface, jib-style). */
public interface CommandRunner {
  /**
   * Runs {@code argv} with stdin from /dev/null and waits for it.
   *
   * @throws dev.berth.api.errors.SystemException if it cannot be started or exceeds {@code timeout} (then it is
   *     killed)
   */
  CommandResult run(List<String> argv, Duration timeout);

  /** The outcome of one command. */
  record CommandResult(int exitCode, String stdout, String stderr) {}
}
