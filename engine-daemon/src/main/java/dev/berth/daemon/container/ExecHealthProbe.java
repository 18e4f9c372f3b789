package dev.berth.daemon.container;

import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ExecCreateRequest;
import dev.berth.api.model.container.ExecStartRequest;
import dev.berth.api.model.container.Health;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a health probe through the exec machinery (as dockerd does: {@code exec_create}/{@code exec_start}/
 * {@code exec_die} events), collecting stdout and stderr (at most 4 KiB) and the exit code.
 */
final class ExecHealthProbe implements HealthChecks.HealthProbe {
  private final ContainerManager containers;
  private ExecManager execs;

  /** The probe's own exec manager is made at first use (the container manager is still being built now). */
  ExecHealthProbe(ContainerManager containers) {
    this.containers = containers;
  }

  private synchronized ExecManager execs() {
    if (execs == null) {
      execs = new ExecManager(containers);
    }
    return execs;
  }

  @Override
  public Health.HealthcheckResult run(String containerId, List<String> cmd, Duration timeout) {
    Instant start = Instant.now();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExecManager m = execs();
    int code;
    String output;
    try {
      String id = m.create(containerId, new ExecCreateRequest("", false, false, null, false, true, true, false,
          null, null, "", cmd)).id();
      CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
        try {
          m.start(id, new ExecStartRequest(false, false, null), null, (stream, data) -> {
            synchronized (out) {
              if (out.size() < HealthChecks.MAX_OUTPUT) {
                out.write(data, 0, Math.min(data.length, HealthChecks.MAX_OUTPUT - out.size()));
              }
            }
          });
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, r -> Thread.ofVirtual().name("health-exec").start(r));
      try {
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Integer exit = m.inspect(id).exitCode();
        code = exit == null ? -1 : exit;
        synchronized (out) {
          output = out.toString(StandardCharsets.UTF_8);
        }
      } catch (TimeoutException e) {
        code = -1;
        output = "Health check exceeded timeout (" + human(timeout) + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = -1;
      output = "interrupted";
    } catch (Exception e) {
      code = -1;
      Throwable t = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      output = t.getMessage() == null ? t.toString() : t.getMessage();
    }
    return new Health.HealthcheckResult(GoTime.rfc3339Nano(start), GoTime.rfc3339Nano(Instant.now()), code,
        output);
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
