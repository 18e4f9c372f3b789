package dev.berth.runtime.monitor;

import dev.berth.api.errors.SystemException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the conmon parent process with its pipes wired to fds conmon reads from the environment. The JDK cannot
 * pass extra fds to a child, so {@code /bin/sh} moves them: the process's stdout pipe becomes fd 3 (the sync pipe,
 * and with {@code --exec-attach} also the attach pipe) and its stdin pipe fd 4 (the start pipe). conmon marks them
 * close-on-exec, so the runtime and the container never inherit them. The conmon parent exits after forking its
 * daemon; the JDK reaps it, and nothing else of conmon is ever a child of the JVM.
 */
interface ConmonSpawner {
  Process spawn(List<String> argv, Path workDir, Path stderr, boolean startPipe);

  /** The default spawner. */
  ConmonSpawner SHELL = (argv, workDir, stderr, startPipe) -> {
    String script = startPipe
        ? "exec \"$0\" \"$@\" 3>&1 1>/dev/null 4<&0 0</dev/null"
        : "exec \"$0\" \"$@\" 3>&1 1>/dev/null";
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script));
    command.addAll(argv);
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectError(stderr.toFile());
    if (!startPipe) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Map<String, String> env = pb.environment();
    env.put("_OCI_SYNCPIPE", "3");
    if (startPipe) {
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
