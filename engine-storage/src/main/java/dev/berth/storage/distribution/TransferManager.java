package dev.berth.storage.distribution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blob transfers for all pulls and pushes of the daemon (moby {@code xfer.transferManager}): at most
 * {@code max-concurrent-downloads} downloads (default 3) and {@code max-concurrent-uploads} uploads (default 5) at
 * once; a transfer that has to queue first reports "Waiting". Transfers are deduplicated by key: a second request
 * for a key already in flight (the same layer digest pulled by two clients) attaches to the running transfer,
 * receives its progress from then on (starting with the latest event) and completes with it.
 */
public final class TransferManager implements AutoCloseable {
  public static final int DEFAULT_MAX_DOWNLOADS = 3;
  public static final int DEFAULT_MAX_UPLOADS = 5;
  private static final Logger log = LoggerFactory.getLogger(TransferManager.class);

  private final Semaphore downloads;
  private final Semaphore uploads;
  private final Map<Object, Shared<?>> active = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  public TransferManager(int maxDownloads, int maxUploads) {
    if (maxDownloads < 1 || maxUploads < 1) {
      throw new IllegalArgumentException("transfer limits must be positive");
    }
    this.downloads = new Semaphore(maxDownloads, true);
    this.uploads = new Semaphore(maxUploads, true);
  }

  public static TransferManager defaults() {
    return new TransferManager(DEFAULT_MAX_DOWNLOADS, DEFAULT_MAX_UPLOADS);
  }

  /** The work of one transfer; progress goes to {@code out}, which fans out to every watcher. */
  @FunctionalInterface
  public interface Task<T> {
    T run(ProgressListener out) throws Exception;
  }

  public <T> CompletableFuture<T> download(Object key, String progressId, ProgressListener watcher, Task<T> task) {
    return submit(downloads, "download:" + key, progressId, watcher, task);
  }

  public <T> CompletableFuture<T> upload(Object key, String progressId, ProgressListener watcher, Task<T> task) {
    return submit(uploads, "upload:" + key, progressId, watcher, task);
  }

  /** Number of transfers in flight (for tests and diagnostics). */
  public int activeTransfers() {
    return active.size();
  }

  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<T> submit(Semaphore limit, Object key, String progressId, ProgressListener watcher,
      Task<T> task) {
    while (true) {
      Shared<?> existing = active.get(key);
      if (existing != null) {
        if (existing.attach(watcher)) {
          return (CompletableFuture<T>) existing.future;
        }
        active.remove(key, existing);
        continue;
      }
      Shared<T> shared = new Shared<>();
      shared.attach(watcher);
      if (active.putIfAbsent(key, shared) != null) {
        continue;
      }
      executor.execute(() -> run(limit, key, progressId, shared, task));
      return shared.future;
    }
  }

  private <T> void run(Semaphore limit, Object key, String progressId, Shared<T> shared, Task<T> task) {
    try {
      if (!limit.tryAcquire()) {
        if (progressId != null) {
          shared.onProgress(LayerProgress.of(progressId, LayerProgress.WAITING));
        }
        limit.acquire();
      }
      try {
        T result = task.run(shared);
        shared.finish(() -> shared.future.complete(result));
      } finally {
        limit.release();
      }
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      shared.finish(() -> shared.future.completeExceptionally(e));
    } finally {
      active.remove(key, shared);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** One running transfer and its watchers. */
  private static final class Shared<T> implements ProgressListener {
    final CompletableFuture<T> future = new CompletableFuture<>();
    private final List<ProgressListener> watchers = new CopyOnWriteArrayList<>();
    private ProgressEvent last;
    private boolean finished;

    /** Adds a watcher (replaying the latest event); false when the transfer already finished. */
    synchronized boolean attach(ProgressListener watcher) {
      if (finished) {
        return false;
      }
      watchers.add(watcher);
      if (last != null) {
        deliver(watcher, last);
      }
      return true;
    }

    @Override
    public synchronized void onProgress(ProgressEvent event) {
      last = event;
      for (ProgressListener w : watchers) {
        deliver(w, event);
      }
    }

    synchronized void finish(Runnable completion) {
      finished = true;
      completion.run();
    }

    private static void deliver(ProgressListener w, ProgressEvent e) {
      try {
        w.onProgress(e);
      } catch (RuntimeException ex) {
        log.debug("progress listener failed", ex);
      }
    }
  }
}
