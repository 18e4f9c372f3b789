package dev.berth.runtime.monitor;

import java.nio.file.Path;

/**
 * Where a container's monitor keeps its files. Everything lives in the bundle directory (as podman's userdata)
 * except the shared exit dir and the short socket-dir symlink ({@code socketDir/<id>} → bundle). The daemon
 * persists {@code id} and {@code bundle}; the rest is derived, which is what lets a restarted daemon find its
 * containers again.
 */
public record ContainerLayout(String id, Path bundle, Path exitDir, Path socketDir) {
  /** The container init's pid, written by the runtime. */
  public Path pidFile() {
    return bundle.resolve("pidfile");
  }

  public Path conmonPidFile() {
    return bundle.resolve("conmon.pid");
  }

  /** conmon's {@code --persist-dir}: {@code exit} and {@code oom} files; also conmon's working directory. */
  public Path persistDir() {
    return bundle.resolve("monitor");
  }

  public Path exitFile() {
    return exitDir.resolve(id);
  }

  public Path oomFile() {
    return persistDir().resolve("oom");
  }

  /** The SEQPACKET attach socket, through the short symlink. */
  public Path attachSocket() {
    return socketDir.resolve(id).resolve("attach");
  }

  /** conmon's control fifo: {@code "1 <height> <width>\n"} resizes the TTY, {@code "2 0 0\n"} reopens the log. */
  public Path ctlFifo() {
    return bundle.resolve("ctl");
  }

  /** conmon's own early stderr (before it daemonizes), kept for error messages. */
  public Path conmonStderr() {
    return persistDir().resolve("conmon.stderr");
  }
}
