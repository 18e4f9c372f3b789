package dev.berth.runtime.monitor;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ExitWatcher} on the JDK WatchService (inotify) over the exit directories, plus a periodic check that each
 * watched conmon is still alive. One dedicated platform thread; futures complete on it.
 */
public final class ExitFileWatcher implements ExitWatcher {
  private static final Logger log = LoggerFactory.getLogger(ExitFileWatcher.class);

  private final WatchService watchService;
  private final Duration livenessInterval;
  private final Map<String, Watched> watched = new ConcurrentHashMap<>();
  private final Map<Path, WatchKey> dirs = new HashMap<>(); // guarded by itself
  private final Thread thread;
  private volatile boolean closed;

  private static final class Watched {
    final ExitTarget target;
    final CompletableFuture<ContainerExit> future = new CompletableFuture<>();
    ProcessHandle conmon; // cached once found: isAlive() is cheaper than re-reading the pid file; watcher thread

    Watched(ExitTarget target) {
      this.target = target;
    }

    ExitTarget target() {
      return target;
    }

    CompletableFuture<ContainerExit> future() {
      return future;
    }

    boolean conmonGone() {
      if (conmon != null && conmon.isAlive()) {
        return false;
      }
      conmon = ConmonProcess.find(target.conmonPidFile()).orElse(null);
      return conmon == null;
    }
  }

  public ExitFileWatcher() {
    this(Duration.ofSeconds(2));
  }

  /** @param livenessInterval how often to check that conmon processes still exist */
  public ExitFileWatcher(Duration livenessInterval) {
    try {
      this.watchService = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new SystemException("cannot create a watch service for exit files", e);
    }
    this.livenessInterval = livenessInterval;
    this.thread = Thread.ofPlatform().daemon().name("berth-exit-watcher").start(this::loop);
  }

  @Override
  public CompletableFuture<ContainerExit> watch(ExitTarget target) {
    Watched w = new Watched(target);
    Watched previous;
    synchronized (dirs) {
      previous = watched.put(target.id(), w);
      try {
        register(target.exitFile().getParent());
      } catch (RuntimeException e) {
        watched.remove(target.id(), w);
        throw e;
      }
    }
    if (previous != null) {
      previous.future().cancel(false);
    }
    check(w, false); // the exit may have happened already (daemon restart, very fast exit)
    return w.future();
  }

  @Override
  public void unwatch(String id) {
    Watched w = watched.remove(id);
    if (w != null) {
      w.future().cancel(false);
      release(w.target().exitFile().getParent());
    }
  }

  /** Called with the {@code dirs} lock held. */
  private void register(Path dir) {
    if (!dirs.containsKey(dir)) {
      try {
        dirs.put(dir, dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY));
      } catch (IOException e) {
        throw new SystemException("cannot watch exit dir " + dir, e);
      }
    }
  }

  /** Stops watching a directory nobody waits on any more (exec dirs come and go; inotify watches are finite). */
  private void release(Path dir) {
    synchronized (dirs) {
      boolean used = watched.values().stream().anyMatch(w -> w.target().exitFile().getParent().equals(dir));
      if (!used) {
        WatchKey key = dirs.remove(dir);
        if (key != null) {
          key.cancel();
        }
      }
    }
  }

  private void loop() {
    long nextLiveness = System.nanoTime() + livenessInterval.toNanos();
    while (!closed) {
      try {
        WatchKey key = watchService.poll(livenessInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
          onEvents(key);
        }
        if (System.nanoTime() - nextLiveness >= 0) {
          watched.values().forEach(w -> check(w, true));
          nextLiveness = System.nanoTime() + livenessInterval.toNanos();
        }
      } catch (ClosedWatchServiceException | InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("exit watcher iteration failed", e);
      }
    }
  }

  private void onEvents(WatchKey key) {
    Path dir = (Path) key.watchable();
    List<WatchEvent<?>> events = key.pollEvents();
    key.reset();
    boolean overflow = events.stream().anyMatch(e -> e.kind() == StandardWatchEventKinds.OVERFLOW);
    for (Watched w : watched.values()) {
      Path file = w.target().exitFile();
      if (overflow || events.stream().anyMatch(e -> dir.resolve((Path) e.context()).equals(file))) {
        check(w, false);
      }
    }
  }

  /** Completes {@code w} if its exit file exists; with {@code liveness}, also when its conmon is gone. */
  private void check(Watched w, boolean liveness) {
    // liveness first: conmon writes the exit file before exiting, so "dead and no file" means lost
    boolean conmonGone = liveness && w.conmonGone();
    Optional<ContainerExit> exit = ExitFiles.read(w.target());
    if (exit.isEmpty() && conmonGone) {
      exit = Optional.of(new ContainerExit(w.target().id(), ContainerExit.UNKNOWN_EXIT_CODE,
          ExitFiles.oomKilled(w.target()), Instant.now(), true));
    }
    if (exit.isPresent() && watched.remove(w.target().id(), w)) {
      release(w.target().exitFile().getParent());
      w.future().complete(exit.get());
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      watchService.close();
    } catch (IOException e) {
      log.debug("closing the watch service failed", e);
    }
    thread.interrupt();
    watched.values().forEach(w -> w.future().cancel(false));
    watched.clear();
  }
}
