package dev.berth.runtime.monitor;

import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Reads what conmon leaves behind when a process ends: the exit file and the OOM markers. */
public final class ExitFiles {
  private ExitFiles() {}

  /** The exit recorded for {@code target}, or empty while the exit file does not exist. */
  public static Optional<ContainerExit> read(ExitTarget target) {
    String text;
    Instant finishedAt;
    try {
      text = Files.readString(target.exitFile()).strip();
      finishedAt = Files.getLastModifiedTime(target.exitFile()).toInstant();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(new ContainerExit(target.id(), parseCode(text), oomKilled(target), finishedAt, false));
  }

  /** conmon writes a decimal code without newline; -1 (status unknown) and garbage become 255. */
  static int parseCode(String text) {
    try {
      int code = Integer.parseInt(text.strip());
      return code < 0 || code > 255 ? ContainerExit.UNKNOWN_EXIT_CODE : code;
    } catch (NumberFormatException e) {
      return ContainerExit.UNKNOWN_EXIT_CODE;
    }
  }

  /** conmon's {@code oom} marker, else a non-zero {@code oom_kill} counter in the v1 memory cgroup. */
  public static boolean oomKilled(ExitTarget target) {
    if (target.oomFile() != null && Files.exists(target.oomFile())) {
      return true;
    }
    if (target.memoryCgroup() == null) {
      return false;
    }
    try {
      for (String line : KernelFiles.lines(target.memoryCgroup().resolve("memory.oom_control"))) {
        if (line.startsWith("oom_kill ")) {
          return Long.parseLong(line.substring(9).strip()) > 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return false;
    }
    return false;
  }
}
