package dev.berth.network.linux;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place Berth switches network namespaces: a few dedicated platform threads take jobs from a queue, enter
 * the target namespace with {@code setns}, run one job and return to the daemon's namespace. setns affects only
 * the calling thread, so this must never run on a virtual thread (its carrier would be left inside) or a pooled
 * thread. If returning home fails the worker is poisoned: it finishes the job, stops taking work and a fresh
 * worker takes over (moby's nlwrap thread-lifecycle rule). Every worker first setns'es to the home namespace the
 * executor captured at construction (/proc/self/ns/net, the main thread's), so a replacement never inherits a
 * poisoned creator's namespace.
 *
 * <p>Jobs must not start threads or processes: a new thread inherits its creator's namespaces, and the JDK creates
 * helper threads lazily from whichever thread needs them first (the process reaper when a process starts, a
 * ForkJoinPool carrier when a virtual thread starts). Such a thread would live in the sandbox's namespace, pin it
 * after the sandbox is gone and run unrelated work there. Jobs open sockets and return.
 */
public final class NetnsExecutor implements NetnsOps, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NetnsExecutor.class);
  private static final Runnable STOP = () -> {};

  private final LibC libc;
  private final int homeFd;
  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final int size;
  private volatile boolean closed;
  private int workers;

  /** One worker. */
  public NetnsExecutor() {
    this(1);
  }

  /** {@code size} workers, so that jobs for different sandboxes (each may wait for a child process) overlap. */
  public NetnsExecutor(int size) {
    this.size = size;
    this.libc = Linux.libc();
    this.homeFd = libc.open("/proc/self/ns/net", LibC.O_RDONLY | LibC.O_CLOEXEC);
    if (homeFd < 0) {
      throw new SystemException("cannot open /proc/self/ns/net: " + libc.strerror(Linux.errno()));
    }
    warmUpJdkNetworking(); // on the constructing thread too, which is at home in practice
    for (int i = 0; i < size; i++) {
      startWorker();
    }
  }

  @Override
  public void create(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file);
    } catch (IOException e) {
      throw new SystemException("cannot create netns file " + file, e);
    }
    submit(() -> {
      if (libc.unshare(LibC.CLONE_NEWNET) != 0) {
        throw new SystemException("unshare(CLONE_NEWNET): " + libc.strerror(Linux.errno()));
      }
      String self = "/proc/self/task/" + libc.gettid() + "/ns/net";
      if (libc.mount(self, file.toString(), "none", LibC.MS_BIND, null) != 0) {
        throw new SystemException("bind mount netns on " + file + ": " + libc.strerror(Linux.errno()));
      }
      return null;
    }, true);
  }

  @Override
  public void delete(Path file) {
    if (libc.umount2(file.toString(), LibC.MNT_DETACH) != 0) {
      int errno = Linux.errno();
      if (errno != 22 && errno != 2) { // EINVAL: not a mount point; ENOENT: gone
        log.warn("umount {}: {}", file, libc.strerror(errno));
      }
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SystemException("cannot delete netns file " + file, e);
    }
  }

  @Override
  public <T> T callIn(Path netns, Callable<T> task) {
    return submit(() -> {
      int fd = libc.open(netns.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
      if (fd < 0) {
        throw new SystemException("cannot open netns " + netns + ": " + libc.strerror(Linux.errno()));
      }
      try {
        if (libc.setns(fd, LibC.CLONE_NEWNET) != 0) {
          throw new SystemException("setns " + netns + ": " + libc.strerror(Linux.errno()));
        }
      } finally {
        libc.close(fd);
      }
      return task.call();
    }, true);
  }

  private <T> T submit(Callable<T> body, boolean leavesHome) {
    if (closed) {
      throw new SystemException("netns executor closed");
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    queue.add(() -> {
      try {
        result.complete(body.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      } finally {
        if (leavesHome && libc.setns(homeFd, LibC.CLONE_NEWNET) != 0) {
          throw new PoisonedException(libc.strerror(Linux.errno()));
        }
      }
    });
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted waiting for netns job", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new SystemException("netns job failed", e.getCause());
    }
  }

  private synchronized void startWorker() {
    Thread t = Thread.ofPlatform().daemon().name("berth-netns-" + (workers++)).unstarted(this::loop);
    t.start();
  }

  private void loop() {
    if (libc.setns(homeFd, LibC.CLONE_NEWNET) != 0) {
      log.error("netns worker cannot enter home namespace: {}", libc.strerror(Linux.errno()));
      return;
    }
    warmUpJdkNetworking();
    while (true) {
      Runnable job;
      try {
        job = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (job == STOP) {
        return;
      }
      try {
        job.run();
      } catch (PoisonedException e) {
        log.error("netns worker could not return home ({}); discarding thread", e.getMessage());
        if (!closed) {
          startWorker();
        }
        return;
      }
    }
  }

  /**
   * The JDK's first use of NIO networking creates a socket it keeps for the JVM's lifetime (seen on JDK 25: opening
   * and closing one DatagramChannel leaves one socket fd open). Were that first use to happen inside a sandbox, the
   * socket would pin the sandbox's namespace forever: its veth never goes away. So it happens here, at home, before
   * any job runs.
   */
  private static void warmUpJdkNetworking() {
    if (WARM.compareAndSet(false, true)) {
      try {
        java.nio.channels.DatagramChannel.open().close();
        java.nio.channels.ServerSocketChannel.open().close();
      } catch (java.io.IOException e) {
        log.warn("JDK networking warm-up failed", e);
      }
    }
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();

  @Override
  public void close() {
    closed = true;
    for (int i = 0; i < size; i++) {
      queue.add(STOP);
    }
  }

  private static final class PoisonedException extends RuntimeException {
    PoisonedException(String message) {
      super(message, null, false, false);
    }
  }
}
