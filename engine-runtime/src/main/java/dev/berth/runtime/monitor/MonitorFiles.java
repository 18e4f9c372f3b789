package dev.berth.runtime.monitor;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The file chores around conmon: preparing directories, error context, cleanup. */
final class MonitorFiles {
  private MonitorFiles() {}

  /** Creates the directories and removes files a previous run of the same container left (restarts reuse ids). */
  static void prepare(MonitorConfig config, ContainerLayout layout) {
    try {
      Files.createDirectories(config.exitDir());
      Files.createDirectories(config.socketDir());
      Files.createDirectories(layout.persistDir());
      for (Path p : List.of(layout.exitFile(), layout.persistDir().resolve("exit"), layout.oomFile(),
          layout.persistDir().resolve("sync"), layout.pidFile(), layout.conmonPidFile(), layout.conmonStderr())) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new SystemException("cannot prepare the monitor files of " + layout.id(), e);
    }
  }

  static void prepare(ExecLayout layout) {
    try {
      Files.createDirectories(layout.exitDir());
      Files.createDirectories(layout.socketDir());
      for (Path p : List.of(layout.dir().resolve("sync"), layout.dir().resolve("start"), layout.exitFile())) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new SystemException("cannot prepare the monitor files of exec " + layout.execId(), e);
    }
  }

  /** ": <last lines of conmon's stderr>" or "" — for error messages. */
  static String tail(Path stderr) {
    try {
      String text = Files.readString(stderr).strip();
      if (text.isEmpty()) {
        return "";
      }
      return ": " + (text.length() > 2000 ? text.substring(text.length() - 2000) : text);
    } catch (IOException e) {
      return "";
    }
  }

  static void remove(ContainerLayout layout) {
    deleteTree(layout.persistDir());
    for (Path p : List.of(layout.exitFile(), layout.socketDir().resolve(layout.id()), layout.pidFile(),
        layout.conmonPidFile(), layout.ctlFifo(), layout.bundle().resolve("winsz"),
        layout.bundle().resolve("attach"))) {
      deleteQuietly(p);
    }
  }

  static void remove(ExecLayout layout) {
    removeSocketLink(layout);
    deleteTree(layout.dir());
  }

  static void removeSocketLink(ExecLayout layout) {
    deleteQuietly(layout.socketDir().resolve(layout.execId()));
  }

  private static void deleteTree(Path dir) {
    if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      deleteQuietly(dir);
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(MonitorFiles::deleteQuietly);
    } catch (IOException e) {
      throw new SystemException("cannot remove " + dir, e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new SystemException("cannot remove " + p, e);
    }
  }
}
