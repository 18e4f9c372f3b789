package dev.berth.runtime.monitor;

import java.nio.file.Path;

/**
 * Opens attach connections to conmon's SEQPACKET attach socket ({@link ContainerLayout#attachSocket()} or
 * {@link ExecLayout#attachSocket()}). Attach after {@code Monitor.create} and before {@code OciRuntime.start} so
 * no output is lost. Implemented by {@link ConmonAttacher}; tests use {@code FakeAttacher}.
 */
public interface Attacher {
  AttachConnection attach(Path attachSocket, StreamSink sink);
}
