package dev.berth.daemon.state;

import dev.berth.daemon.config.ConfigException;
import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure only one daemon uses a data root and a pidfile. The data-root lock is an exclusive {@code flock}
 * held for the daemon's lifetime (released by the kernel even on SIGKILL); the pidfile is refused while the pid
 * it names is alive. A refused start touches nothing the running daemon owns.
 */
public final class DaemonLocks implements AutoCloseable {
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Path pidfile;

  private DaemonLocks(FileChannel lockChannel, FileLock lock, Path pidfile) {
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.pidfile = pidfile;
  }

  public static DaemonLocks acquire(Path dataRoot, Path pidfile) {
    FileChannel ch = null;
    try {
      Files.createDirectories(dataRoot);
      Path lockFile = dataRoot.resolve("berthd.lock");
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        String holder = Files.readString(lockFile).trim();
        throw new ConfigException("another berthd (pid " + (holder.isEmpty() ? "unknown" : holder)
            + ") is already using data root " + dataRoot + "; stop it or choose another --data-root");
      }
      byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
      ch.truncate(0);
      ch.write(java.nio.ByteBuffer.wrap(pid), 0);
      if (pidfile != null) {
        claimPidfile(pidfile, pid);
      }
      return new DaemonLocks(ch, lock, pidfile);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new ConfigException("cannot lock data root " + dataRoot + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static void claimPidfile(Path pidfile, byte[] pid) throws IOException {
    if (Files.exists(pidfile)) {
      String old = Files.readString(pidfile).trim();
      boolean alive = false;
      try {
        long oldPid = Long.parseLong(old);
        alive = oldPid != ProcessHandle.current().pid() && isBerthd(oldPid);
      } catch (NumberFormatException ignored) {
        // garbage in the file: treat as stale
      }
      if (alive) {
        throw new ConfigException("pid file found, ensure berthd is not running or delete " + pidfile
            + " (pid " + old + " is alive)");
      }
    }
    AtomicFiles.write(pidfile, pid);
  }

  /** Whether {@code pid} is alive and is a berthd (a recycled pid of another program is a stale pidfile). */
  private static boolean isBerthd(long pid) {
    try {
      String cmd = KernelFiles.read(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
      return cmd.contains("berth");
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }

  @Override
  public void close() {
    try {
      if (pidfile != null) {
        Files.deleteIfExists(pidfile);
      }
      lock.release();
      lockChannel.close();
    } catch (IOException ignored) {
      // exiting anyway
    }
  }
}
