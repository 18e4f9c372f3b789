package dev.berth.network.linux;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@link CommandRunner} over {@link ProcessBuilder} (posix_spawn): safe from any thread, no fork of the JVM. */
public final class ProcessCommandRunner implements CommandRunner {
  private final long timeoutMillis;

  public ProcessCommandRunner() {
    this(30_000);
  }

  public ProcessCommandRunner(long timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Result run(List<String> argv, String stdin) {
    Process p;
    try {
      p = new ProcessBuilder(argv).start();
    } catch (IOException e) {
      throw new SystemException("cannot run " + argv.get(0), e);
    }
    try {
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (stdin != null) {
        try (OutputStream out = p.getOutputStream()) {
          out.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      } else {
        p.getOutputStream().close();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new SystemException("timed out: " + String.join(" ", argv));
      }
      return new Result(p.exitValue(), out, err.get());
    } catch (IOException | ExecutionException e) {
      p.destroyForcibly();
      throw new SystemException("failed running " + String.join(" ", argv), e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted running " + String.join(" ", argv), e);
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> f = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      try (in) {
        f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        f.complete("");
      }
    });
    return f;
  }
}
