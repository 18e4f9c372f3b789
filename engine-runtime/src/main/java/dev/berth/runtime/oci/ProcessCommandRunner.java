package dev.berth.runtime.oci;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link CommandRunner} on {@link ProcessBuilder}; stdout and stderr are drained concurrently. */
public final class ProcessCommandRunner implements CommandRunner {
  @Override
  public CommandResult run(List<String> argv, Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new SystemException("cannot run " + argv.get(0), e);
    }
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    CompletableFuture<String> stdout = drain(process.getInputStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new SystemException(String.join(" ", argv) + " timed out after " + timeout);
      }
      // A daemonized grandchild may keep a pipe open: do not wait for its EOF forever.
      return new CommandResult(process.exitValue(), settle(stdout), settle(stderr));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted while running " + argv.get(0), e);
    }
  }

  private static String settle(CompletableFuture<String> output) {
    return output.completeOnTimeout("", 2, TimeUnit.SECONDS).join();
  }

  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread.ofVirtual().name("berth-cmd-drain").start(() -> {
      try (in) {
        result.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        result.completeExceptionally(new UncheckedIOException(e));
      }
    });
    return result;
  }
}
