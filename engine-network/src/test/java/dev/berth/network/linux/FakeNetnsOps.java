package dev.berth.network.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Plain files instead of namespaces; {@link #callIn} runs the task right here (in the test's namespace). */
public final class FakeNetnsOps implements NetnsOps {
  public final List<String> calls = new ArrayList<>();

  @Override
  public synchronized void create(Path file) {
    calls.add("create " + file);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "netns");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void delete(Path file) {
    calls.add("delete " + file);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <T> T callIn(Path netns, Callable<T> task) {
    synchronized (this) {
      calls.add("callIn " + netns);
    }
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
