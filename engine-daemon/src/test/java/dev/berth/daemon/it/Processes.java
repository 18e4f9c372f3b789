package dev.berth.daemon.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, draining stdout and stderr concurrently, killing it on timeout. */
public final class Processes {
  private Processes() {}

  public static CliResult run(List<String> cmd, Map<String, String> env, byte[] stdin, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      var out = drain(p.getInputStream());
      var err = drain(p.getErrorStream());
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      } catch (IOException ignored) {
        // the process may exit without reading stdin
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        out.joinQuietly();
        err.joinQuietly();
        return new CliResult(-1, out.get(), err.get() + "\n[timed out after " + timeout + "]");
      }
      out.joinQuietly();
      err.joinQuietly();
      return new CliResult(p.exitValue(), out.get(), err.get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A thread copying a stream into memory. */
  static final class Drain extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    Drain(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        in.transferTo(buf);
      } catch (IOException ignored) {
        // process gone
      }
    }

    String get() {
      return buf.toString(StandardCharsets.UTF_8);
    }

    void joinQuietly() {
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Drain drain(InputStream in) {
    Drain d = new Drain(in);
    d.start();
    return d;
  }
}
