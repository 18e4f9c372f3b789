package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.state.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All containers: the in-memory index (by ID and name) and their persisted records under
 * {@code <data-root>/containers/<id>/config.json}, written temp → fsync → rename.
 */
public final class ContainerStore {
  private static final Logger log = LoggerFactory.getLogger(ContainerStore.class);
  private static final String FILE = "config.json";

  private final Path root;
  private final Map<String, Container> byId = new ConcurrentHashMap<>();
  private final NameRegistry names = new NameRegistry();

  public ContainerStore(Path root) {
    this.root = root;
  }

  /** Reads every persisted container (at daemon start). Unreadable entries are logged and skipped. */
  public void load() throws IOException {
    Files.createDirectories(root);
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.toList()) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
          continue;
        }
        try {
          ContainerRecord r = Json.MAPPER.readValue(f.toFile(), ContainerRecord.class);
          byId.put(r.id(), new Container(r));
          names.reserve(r.name(), r.id());
        } catch (IOException | RuntimeException e) {
          log.warn("skipping unreadable container state {}: {}", f, e.toString());
        }
      }
    }
  }

  public Path dir(String id) {
    return root.resolve(id);
  }

  NameRegistry names() {
    return names;
  }

  void add(Container c) {
    byId.put(c.id, c);
  }

  void remove(Container c) {
    byId.remove(c.id);
    names.release(c.record().name(), c.id);
  }

  /** Persists and publishes {@code r} as the container's current record. Caller holds the container lock. */
  void save(Container c, ContainerRecord r) {
    try {
      AtomicFiles.write(dir(c.id).resolve(FILE), Json.bytes(r));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist container " + c.id, e);
    }
    c.setRecord(r);
  }

  Collection<Container> containers() {
    return byId.values();
  }

  public List<ContainerRecord> records() {
    List<ContainerRecord> out = new ArrayList<>();
    byId.values().forEach(c -> out.add(c.record()));
    return out;
  }

  /** Finds a container by full ID, name, or unique ID prefix (dockerd's order). */
  Container get(String ref) {
    if (ref == null || ref.isEmpty()) {
      throw new InvalidParameterException("No container name or ID supplied");
    }
    Container c = byId.get(ref);
    if (c != null) {
      return c;
    }
    String byName = names.lookup(ref).orElse(null);
    if (byName != null && (c = byId.get(byName)) != null) {
      return c;
    }
    Container found = null;
    for (Container x : byId.values()) {
      if (x.id.startsWith(ref)) {
        if (found != null) {
          throw new InvalidParameterException("multiple IDs found with provided prefix: " + ref);
        }
        found = x;
      }
    }
    if (found == null) {
      throw new NoSuchContainerException(ref);
    }
    return found;
  }

  /** Deletes the container's directory tree (never into a mount point). */
  void deleteDir(String id) {
    SafeDelete.tree(dir(id));
  }
}
