package dev.berth.network.linux;

import dev.berth.api.errors.SystemException;
import java.util.List;

/**
 * Runs a host binary ({@code ip}, {@code nft}, {@code nsenter}) and collects its output. The only seam between the
 * network module and {@link ProcessBuilder}; tests hand in a recording fake.
 */
public interface CommandRunner {

  /** What a finished command left behind. */
  record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code argv}, feeding {@code stdin} (may be null), and waits for it. Never throws for a non-zero exit. */
  Result run(List<String> argv, String stdin);

  /** Runs and throws a {@link SystemException} naming {@code what} when the command fails. */
  default Result check(String what, List<String> argv, String stdin) {
    Result r = run(argv, stdin);
    if (!r.ok()) {
      throw new SystemException(what + ": " + String.join(" ", argv) + ": exit " + r.exitCode() + ": "
          + r.stderr().strip());
    }
    return r;
  }
}
