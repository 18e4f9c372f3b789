package dev.berth.runtime.monitor;

import java.nio.file.Path;

/** Creates named pipes (native mkfifo, see {@code LinuxFifos}); used for conmon's exec start pipe. */
public interface Fifos {
  /** Creates a fifo with mode 0600 at {@code path}, which must not exist. */
  void create(Path path);
}
