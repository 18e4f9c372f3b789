package dev.berth.api.backend;

import dev.berth.api.types.StdStreamType;
import java.io.IOException;

/** Where a backend delivers process output (logs, attach, exec); the HTTP layer frames it. */
@FunctionalInterface
public interface OutputSink {
  /** Writes one chunk; throws when the client is gone. */
  void write(StdStreamType stream, byte[] data) throws IOException;
}
