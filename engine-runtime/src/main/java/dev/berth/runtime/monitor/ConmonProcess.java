package dev.berth.runtime.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a live conmon from its pid file without being its parent (conmon daemonizes; the JVM never reaps it). */
public final class ConmonProcess {
  private ConmonProcess() {}

  /** The live conmon process named by {@code pidFile}; empty when the file is missing or the pid is not conmon. */
  public static Optional<ProcessHandle> find(Path pidFile) {
    return readPid(pidFile).flatMap(ProcessHandle::of).filter(ConmonProcess::isConmon);
  }

  /** Reads a decimal pid from a pid file. */
  public static Optional<Long> readPid(Path pidFile) {
    try {
      String text = Files.readString(pidFile).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isConmon(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    // pid reuse guard: the command (or, if unreadable, nothing) must name conmon
    return p.info().command().map(c -> c.endsWith("conmon")).orElse(true);
  }

  /** Kills conmon (SIGKILL) if it is still running; the container it watched keeps running unmonitored. */
  public static void kill(Path pidFile) {
    find(pidFile).ifPresent(ProcessHandle::destroyForcibly);
  }
}
