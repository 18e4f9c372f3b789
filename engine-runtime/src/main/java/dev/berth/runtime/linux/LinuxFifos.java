package dev.berth.runtime.linux;

import dev.berth.runtime.monitor.Fifos;
import java.nio.file.Path;

/** {@link Fifos} through mkfifo(3). */
public final class LinuxFifos implements Fifos {
  private final LibC libc;

  public LinuxFifos() {
    this.libc = Linux.libc();
  }

  @Override
  public void create(Path path) {
    if (libc.mkfifo(path.toString(), 0600) != 0) {
      int errno = Linux.lastErrno();
      throw Errno.toException("mkfifo " + path, errno, libc.strerror(errno));
    }
  }
}
