package dev.berth.runtime.monitor;

import dev.berth.api.errors.SystemException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the conmon parent process with the extra fds conmon takes from its environment. The JDK cannot pass
 * extra fds to a child, so {@code /bin/sh} opens them right before exec'ing conmon: fd 3 appends to the sync
 * file ({@code _OCI_SYNCPIPE}, and {@code _OCI_ATTACHPIPE} with {@code --exec-attach}) and fd 4 reads the start
 * fifo ({@code _OCI_STARTPIPE}). conmon marks them close-on-exec, so the runtime and the container never
 * inherit them. The JVM keeps no pipe to conmon at all: the parent exits after forking its daemon and the JDK
 * reaps it; nothing else of conmon is ever a child of the JVM.
 */
interface ConmonSpawner {
  /**
   * @param startFifo the start fifo, or null when no start pipe is used
   * @return the conmon parent process (exits within milliseconds)
   */
  Process spawn(List<String> argv, Path workDir, Path stderr, Path syncFile, Path startFifo);

  /** The default spawner. */
  ConmonSpawner SHELL = (argv, workDir, stderr, syncFile, startFifo) -> {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c"));
    if (startFifo == null) {
      command.addAll(List.of("s=$1; shift; exec \"$@\" 3>>\"$s\"", "sh", syncFile.toString()));
    } else {
      command.addAll(List.of("s=$1; p=$2; shift 2; exec \"$@\" 3>>\"$s\" 4<\"$p\"", "sh", syncFile.toString(),
          startFifo.toString()));
    }
    command.addAll(argv);
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile());
    Map<String, String> env = pb.environment();
    env.put("_OCI_SYNCPIPE", "3");
    if (startFifo != null) {
      env.put("_OCI_STARTPIPE", "4");
      env.put("_OCI_ATTACHPIPE", "3");
    }
    try {
      return pb.start();
    } catch (IOException e) {
      throw new SystemException("cannot start conmon", e);
    }
  };
}
