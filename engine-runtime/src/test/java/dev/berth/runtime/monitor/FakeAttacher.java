package dev.berth.runtime.monitor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands out {@link FakeAttachConnection}s and remembers them per socket path. */
public final class FakeAttacher implements Attacher {
  private final Map<Path, List<FakeAttachConnection>> connections = new ConcurrentHashMap<>();

  @Override
  public AttachConnection attach(Path attachSocket, StreamSink sink) {
    FakeAttachConnection c = new FakeAttachConnection(sink);
    connections.computeIfAbsent(attachSocket, p -> new CopyOnWriteArrayList<>()).add(c);
    return c;
  }

  /** The connections opened on {@code attachSocket}, oldest first. */
  public List<FakeAttachConnection> connections(Path attachSocket) {
    return connections.getOrDefault(attachSocket, List.of());
  }
}
