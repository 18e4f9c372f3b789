package dev.berth.runtime.monitor;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Daemon-wide settings of the container monitor (conmon).
 *
 * @param conmon the conmon binary, e.g. {@code /usr/bin/conmon}
 * @param exitDir where conmon writes {@code <container id>} files holding the exit code; one for all containers
 * @param socketDir where conmon links {@code <id>/attach}; keep it short: {@code socketDir/<64-hex id>/attach}
 *     must stay under the 108-byte {@code sun_path} limit, so at most 35 bytes
 * @param logLevel conmon's {@code --log-level} ({@code info}, {@code warn}, {@code error}). Not {@code debug}:
 *     conmon prints debug lines to stderr in the child that becomes the runtime, so they end up in the stderr of
 *     exec processes (verified)
 * @param syslog whether conmon logs to syslog ({@code --syslog})
 * @param startTimeout how long to wait for conmon to report the container pid
 */
public record MonitorConfig(Path conmon, Path exitDir, Path socketDir, String logLevel, boolean syslog,
    Duration startTimeout) {
  /** Longest socketDir: 108 (sun_path) − 1 (NUL) − 1 ("/") − 64 (id) − 7 ("/attach"). */
  public static final int MAX_SOCKET_DIR_LENGTH = 35;

  public MonitorConfig {
    if (socketDir.toString().length() > MAX_SOCKET_DIR_LENGTH) {
      throw new IllegalArgumentException("socket dir longer than " + MAX_SOCKET_DIR_LENGTH + " bytes: " + socketDir);
    }
  }

  public static MonitorConfig defaults(Path exitDir, Path socketDir) {
    return new MonitorConfig(Path.of("/usr/bin/conmon"), exitDir, socketDir, "info", false, Duration.ofSeconds(60));
  }

  /** The files of container {@code id} whose bundle is {@code bundle}. */
  public ContainerLayout layout(String id, Path bundle) {
    return new ContainerLayout(id, bundle, exitDir, socketDir);
  }
}
