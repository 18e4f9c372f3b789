package dev.berth.runtime.monitor;

import java.nio.file.Path;

/**
 * Where one exec session's conmon keeps its files: all in {@code dir}, plus the {@code socketDir/<execId>}
 * symlink. conmon names the exit file after the container id, so each exec has its own exit dir.
 */
public record ExecLayout(String containerId, String execId, Path dir, Path socketDir) {
  public Path pidFile() {
    return dir.resolve("pidfile");
  }

  public Path conmonPidFile() {
    return dir.resolve("conmon.pid");
  }

  public Path exitDir() {
    return dir.resolve("exit");
  }

  public Path exitFile() {
    return exitDir().resolve(containerId);
  }

  public Path attachSocket() {
    return socketDir.resolve(execId).resolve("attach");
  }

  /** Resize with {@code "1 <height> <width>\n"}, as for containers. */
  public Path ctlFifo() {
    return dir.resolve("ctl");
  }

  public Path conmonStderr() {
    return dir.resolve("conmon.stderr");
  }

  public ExitTarget exitTarget() {
    return new ExitTarget(execId, exitFile(), null, null, conmonPidFile());
  }
}
