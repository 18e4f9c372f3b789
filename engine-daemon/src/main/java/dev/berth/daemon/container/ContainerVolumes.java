package dev.berth.daemon.container;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.Mount;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.state.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's mount points (moby {@code registerMountPoints}): resolved at create from {@code --volumes-from},
 * {@code -v}, {@code --mount} and the image's {@code VOLUME}s (named volumes are created on demand, anonymous
 * ones generated), persisted in {@code mounts.json}, mounted at start (with copy-up of the image's content into
 * empty volumes) and released at stop.
 */
final class ContainerVolumes {
  private static final Logger log = LoggerFactory.getLogger(ContainerVolumes.class);
  private static final String FILE = "mounts.json";
  private static final TypeReference<List<MountRecord>> LIST = new TypeReference<>() {};

  private final ContainerStore store;
  private final VolumePort volumes;
  private final Map<String, List<MountRecord>> cache = new ConcurrentHashMap<>();

  ContainerVolumes(ContainerStore store, VolumePort volumes) {
    this.store = store;
    this.volumes = volumes;
  }

  /** Resolves and persists the mount points of a new container; volumes are created here. */
  void create(String id, ContainerConfig config, HostConfig host) throws IOException {
    validate(host);
    Map<String, MountRecord> byDest = new LinkedHashMap<>();
    for (String from : host.volumesFrom() == null ? List.<String>of() : host.volumesFrom()) {
      String[] p = from.split(":", 2);
      Boolean rw = p.length == 2 ? switch (p[1]) {
        case "rw" -> Boolean.TRUE;
        case "ro" -> Boolean.FALSE;
        default -> throw new InvalidParameterException("invalid mode for volumes-from: " + p[1]);
      } : null;
      for (MountRecord m : records(store.get(p[0]).id)) {
        if (!"tmpfs".equals(m.type())) {
          byDest.put(m.destination(), m.inherited(rw));
        }
      }
    }
    for (String b : host.binds() == null ? List.<String>of() : host.binds()) {
      BindSpec s = BindSpec.parse(b);
      byDest.put(s.destination(), s.isBind()
          ? new MountRecord("bind", "", s.source(), s.destination(), "", s.mode(), !s.readOnly(),
              s.propagation().isEmpty() ? "rprivate" : s.propagation(), false, false, false)
          : volume(s.source(), s.destination(), s.mode().isEmpty() ? "z" : s.mode(), !s.readOnly(), !s.noCopy()));
    }
    for (Mount m : host.mounts() == null ? List.<Mount>of() : host.mounts()) {
      String dst = BindSpec.clean(m.target() == null ? "" : m.target());
      switch (m.type() == null ? "" : m.type()) {
        case "volume" -> {
          if (m.volumeOptions() != null && m.volumeOptions().subpath() != null
              && !m.volumeOptions().subpath().isEmpty()) {
            throw new NotImplementedException("volume subpath is not supported");
          }
          var vo = m.volumeOptions();
          boolean noCopy = vo != null && vo.noCopy();
          String driver = vo == null || vo.driverConfig() == null ? "" : vo.driverConfig().name();
          if (driver != null && !driver.isEmpty() && !driver.equals("local")) {
            throw new dev.berth.api.errors.NotFoundException("error looking up volume plugin " + driver
                + ": plugin \"" + driver + "\" not found");
          }
          byDest.put(dst, volume(m.source(), dst, "z", !m.readOnly(), !noCopy,
              vo == null || vo.labels() == null ? Map.of() : vo.labels(),
              vo == null || vo.driverConfig() == null || vo.driverConfig().options() == null ? Map.of()
                  : vo.driverConfig().options()));
        }
        case "bind" -> byDest.put(dst, new MountRecord("bind", "", m.source(), dst, "", "", !m.readOnly(),
            m.bindOptions() != null && m.bindOptions().propagation() != null
                && !m.bindOptions().propagation().isEmpty() ? m.bindOptions().propagation() : "rprivate",
            false, false, false));
        case "tmpfs" -> byDest.put(dst, new MountRecord("tmpfs", "", "", dst, "", "", !m.readOnly(), "", false,
            false, false));
        default -> { } // refused by RuntimeConfigMapper
      }
    }
    if (host.tmpfs() != null) {
      host.tmpfs().keySet().forEach(d -> byDest.remove(BindSpec.clean(d)));
    }
    if (config.volumes() != null) {
      for (String d : config.volumes().keySet()) {
        String dst = BindSpec.clean(d);
        if (!byDest.containsKey(dst) && (host.tmpfs() == null || !host.tmpfs().containsKey(dst))) {
          byDest.put(dst, volume(null, dst, "", true, true));
        }
      }
    }
    save(id, new ArrayList<>(byDest.values()));
  }

  private MountRecord volume(String name, String dst, String mode, boolean rw, boolean copy) {
    return volume(name, dst, mode, rw, copy, Map.of(), Map.of());
  }

  private MountRecord volume(String name, String dst, String mode, boolean rw, boolean copy,
      Map<String, String> labels, Map<String, String> opts) {
    boolean anonymous = name == null || name.isEmpty();
    VolumePort.Volume v = volumes.acquire(anonymous ? null : name, labels, opts);
    return new MountRecord("volume", v.name(), v.path().toString(), dst, v.driver(), mode, rw, "",
        true, copy, anonymous);
  }

  /** Everything that can be refused is refused before any volume is created. */
  private static void validate(HostConfig host) {
    List<String> seen = new ArrayList<>();
    for (String b : host.binds() == null ? List.<String>of() : host.binds()) {
      unique(seen, BindSpec.parse(b).destination());
    }
    for (Mount m : host.mounts() == null ? List.<Mount>of() : host.mounts()) {
      if (m.target() == null || m.target().isEmpty()) {
        throw new InvalidParameterException("invalid mount config for type \"" + m.type()
            + "\": field Target must not be empty");
      }
      unique(seen, BindSpec.clean(m.target()));
    }
  }

  private static void unique(List<String> seen, String dst) {
    if (seen.contains(dst)) {
      throw new InvalidParameterException("Duplicate mount point: " + dst);
    }
    seen.add(dst);
  }

  List<MountRecord> records(String id) {
    return cache.computeIfAbsent(id, k -> {
      Path f = store.dir(k).resolve(FILE);
      if (!Files.isRegularFile(f)) {
        return List.of();
      }
      try {
        return List.copyOf(Json.MAPPER.readValue(f.toFile(), LIST));
      } catch (IOException e) {
        log.warn("cannot read {}: {}", f, e.toString());
        return List.of();
      }
    });
  }

  private void save(String id, List<MountRecord> records) throws IOException {
    Files.createDirectories(store.dir(id));
    AtomicFiles.write(store.dir(id).resolve(FILE), Json.MAPPER.writeValueAsBytes(records));
    cache.put(id, List.copyOf(records));
  }

  /** Container IDs whose mount points use the volume {@code name}. */
  List<String> users(String name) {
    List<String> ids = new ArrayList<>();
    for (ContainerRecord r : store.records()) {
      if (records(r.id()).stream().anyMatch(m -> m.isVolume() && name.equals(m.name()))) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  /**
   * Mounts the managed mount points for a start: volumes are made ready and, when new and empty, filled with the
   * image's content at the destination (read from the mounted {@code rootfs}).
   */
  List<dev.berth.runtime.spec.ContainerMount> mount(ContainerRecord r, Path rootfs) {
    List<dev.berth.runtime.spec.ContainerMount> out = new ArrayList<>();
    for (MountRecord m : records(r.id())) {
      if (!m.managed()) {
        continue;
      }
      if (m.isVolume()) {
        Path path = volumes.mount(m.name(), r.id(), m.destination(), m.rw(), m.propagation());
        if (m.copyData() && volumes.isEmpty(m.name())) {
          copyUp(rootfs, m.destination(), path);
        }
        out.add(dev.berth.runtime.spec.ContainerMount.volume(path.toString(), m.destination(), !m.rw()));
      } else if ("bind".equals(m.type())) {
        out.add(new dev.berth.runtime.spec.ContainerMount(dev.berth.runtime.spec.ContainerMount.Type.BIND,
            m.source(), m.destination(), !m.rw(), m.propagation(), false, ""));
      }
    }
    return out;
  }

  /** Copies only when no component of the destination inside the rootfs is a symlink (it could leave the rootfs). */
  private static void copyUp(Path rootfs, String destination, Path volume) {
    Path p = rootfs;
    for (Path part : Path.of(destination).getRoot().relativize(Path.of(destination))) {
      p = p.resolve(part.toString());
      if (Files.isSymbolicLink(p)) {
        log.info("not copying {} into its volume: a symlink in the image", destination);
        return;
      }
    }
    try {
      dev.berth.storage.volume.CopyUp.copy(p, volume);
    } catch (IOException e) {
      throw new UncheckedIOException("copy image content of " + destination + " into its volume", e);
    }
  }

  /** After a daemon restart, for a container that kept running: its volumes are in use again. */
  void adopt(ContainerRecord r) {
    for (MountRecord m : records(r.id())) {
      if (m.isVolume()) {
        volumes.adopt(m.name(), r.id());
      }
    }
  }

  /** Releases the volumes mounted for a run (stop, failed start). */
  void release(ContainerRecord r) {
    for (MountRecord m : records(r.id())) {
      if (m.isVolume()) {
        try {
          volumes.unmount(m.name(), r.id());
        } catch (RuntimeException e) {
          log.warn("unmount of volume {} for {}: {}", m.name(), r.id(), e.toString());
        }
      }
    }
  }

  /** After {@code docker rm}: forget the container; with {@code -v} remove its anonymous volumes. */
  void removed(String id, boolean removeVolumes) {
    List<MountRecord> rs = records(id);
    cache.remove(id);
    if (removeVolumes) {
      for (MountRecord m : rs) {
        if (m.isVolume() && m.anonymous()) {
          try {
            volumes.removeIfUnused(m.name(), id);
          } catch (RuntimeException e) {
            log.warn("remove of volume {}: {}", m.name(), e.toString());
          }
        }
      }
    }
  }
}
