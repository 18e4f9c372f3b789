package dev.berth.daemon.container;

import dev.berth.api.backend.LogsOptions;
import dev.berth.api.backend.OutputSink;
import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.types.StdStreamType;
import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.logging.LogReadOptions;
import dev.berth.runtime.logging.StdStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** {@code GET /containers/{id}/logs}: reads the monitor's log file, optionally following until the exit. */
final class LogsOperation {
  private final ContainerContext ctx;

  LogsOperation(ContainerContext ctx) {
    this.ctx = ctx;
  }

  Path logPath(ContainerRecord r) {
    return ctx.store().dir(r.id()).resolve(r.id() + "-json.log");
  }

  void logs(Container c, LogsOptions o, OutputSink out, CompletableFuture<?> clientGone) throws IOException {
    ContainerRecord r = c.record();
    String type = r.hostConfig().logConfig() == null ? "" : r.hostConfig().logConfig().type();
    if ("none".equals(type)) {
      throw new NotImplementedException("configured logging driver does not support reading");
    }
    LogConfig cfg = LogConfig.k8sFile(logPath(r), 0);
    CompletableFuture<?> exited = r.state().status().isRunning() ? c.exited : CompletableFuture.completedFuture(0);
    CompletableFuture<Object> stop = new CompletableFuture<>();
    exited.whenComplete((v, t) -> stop.complete(v));
    clientGone.whenComplete((v, t) -> stop.complete(v));
    try {
      cfg.reader().read(new LogReadOptions(o.stdout(), o.stderr(), o.since(), o.until(), o.tail(), o.follow()),
          stop, entry -> {
            if (clientGone.isDone()) {
              return false;
            }
            try {
              out.write(entry.stream() == StdStream.STDOUT ? StdStreamType.STDOUT : StdStreamType.STDERR,
                  entry.render(o.timestamps(), o.details()));
              return true;
            } catch (IOException e) {
              return false;
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
