package dev.berth.daemon.volume;

import dev.berth.api.backend.VolumeBackend;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.volume.Volume;
import dev.berth.api.model.volume.VolumeCreateRequest;
import dev.berth.api.model.volume.VolumePruneResponse;
import dev.berth.daemon.events.EventBus;
import dev.berth.runtime.mount.Mounter;
import dev.berth.storage.volume.LocalVolume;
import dev.berth.storage.volume.VolumeInUseException;
import dev.berth.storage.volume.VolumeStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The volume backend (moby {@code volume/service}) over the local driver's store: the {@code /volumes} API,
 * volumes for containers (created on demand, mounted while in use when they have driver options), volume events
 * and {@code system df} usage. A volume is in use while any container (in any state) has it as a mount point.
 */
public final class VolumeService implements VolumeBackend {
  private static final Set<String> LIST_FILTERS = Set.of("dangling", "driver", "label", "name");
  private static final Set<String> PRUNE_FILTERS = Set.of("label", "label!", "all");

  private final VolumeStore store;
  private final Mounter mounter;
  private final EventBus events;
  private final Map<String, Set<String>> mountedBy = new HashMap<>();
  private volatile Function<String, List<String>> users = name -> List.of();

  public VolumeService(VolumeStore store, Mounter mounter, EventBus events) {
    this.store = store;
    this.mounter = mounter;
    this.events = events;
  }

  /** Who uses a volume: container IDs (set once the containers exist). */
  public void setUsers(Function<String, List<String>> users) {
    this.users = users;
  }

  @Override
  public List<Volume> list(Filters f) {
    f.validate(LIST_FILTERS);
    boolean filterDangling = f.contains("dangling");
    boolean dangling = f.booleanValue("dangling", false);
    List<Volume> out = new ArrayList<>();
    for (LocalVolume v : store.list()) {
      if (filterDangling && users.apply(v.name()).isEmpty() != dangling) {
        continue;
      }
      if (!f.exactMatch("driver", LocalVolume.DRIVER) || !f.matchLabels("label", v.labels())) {
        continue;
      }
      if (f.contains("name") && f.values("name").stream().noneMatch(n -> v.name().contains(n))) {
        continue;
      }
      out.add(VolumeViews.view(v));
    }
    return out;
  }

  @Override
  public Volume inspect(String name) {
    return VolumeViews.view(store.get(name));
  }

  @Override
  public Volume create(VolumeCreateRequest req) {
    String driver = req.driver() == null || req.driver().isEmpty() ? LocalVolume.DRIVER : req.driver();
    if (!driver.equals(LocalVolume.DRIVER)) {
      throw new NotFoundException("error looking up volume plugin " + driver + ": plugin \"" + driver
          + "\" not found");
    }
    return VolumeViews.view(create(req.name(), req.labels(), req.driverOpts()));
  }

  private LocalVolume create(String name, Map<String, String> labels, Map<String, String> opts) {
    boolean existed = store.exists(name);
    LocalVolume v = store.create(name, labels == null ? Map.of() : labels, opts == null ? Map.of() : opts);
    if (!existed) {
      event(v.name(), "create", Map.of());
    }
    return v;
  }

  @Override
  public void remove(String name, boolean force) {
    if (!store.exists(name)) {
      if (force) {
        return;
      }
      store.get(name);
    }
    List<String> ids = users.apply(name);
    if (!ids.isEmpty()) {
      throw new VolumeInUseException(name, ids);
    }
    store.remove(name);
    event(name, "destroy", Map.of());
  }

  @Override
  public VolumePruneResponse prune(Filters f) {
    f.validate(PRUNE_FILTERS);
    boolean all = f.booleanValue("all", false);
    List<String> deleted = new ArrayList<>();
    long reclaimed = 0;
    for (LocalVolume v : store.list()) {
      if ((!all && !v.isAnonymous()) || !f.matchLabels("label", v.labels()) || !noLabels(f, v)
          || !users.apply(v.name()).isEmpty()) {
        continue;
      }
      long size = store.size(v.name());
      try {
        store.remove(v.name());
      } catch (RuntimeException e) {
        continue;
      }
      event(v.name(), "destroy", Map.of());
      deleted.add(v.name());
      reclaimed += Math.max(0, size);
    }
    return new VolumePruneResponse(deleted, reclaimed);
  }

  /** {@code label!=k} / {@code label!=k=v}: the volume must not carry the label (value). */
  private static boolean noLabels(Filters f, LocalVolume v) {
    for (String l : f.values("label!")) {
      int eq = l.indexOf('=');
      String k = eq < 0 ? l : l.substring(0, eq);
      if (v.labels().containsKey(k) && (eq < 0 || l.substring(eq + 1).equals(v.labels().get(k)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * For containers: the named volume (created with {@code labels} and {@code driverOpts} when missing) or, for
   * {@code null}, a new anonymous one.
   */
  public LocalVolume acquire(String name, Map<String, String> labels, Map<String, String> driverOpts) {
    if (name == null) {
      Map<String, String> l = new HashMap<>(labels);
      l.put(LocalVolume.ANONYMOUS_LABEL, "");
      return create(null, l, driverOpts);
    }
    return store.exists(name) ? store.get(name) : create(name, labels, driverOpts);
  }

  /** A container that kept running over a daemon restart still has the volume mounted. */
  public void adopt(String name, String containerId) {
    if (store.exists(name)) {
      synchronized (mountedBy) {
        mountedBy.computeIfAbsent(name, k -> new HashSet<>()).add(containerId);
      }
    }
  }

  /** One container starts using the volume; the first one mounts its driver options. */
  public Path mount(String name, String containerId, String destination, boolean rw, String propagation) {
    LocalVolume v = store.get(name);
    synchronized (mountedBy) {
      Set<String> ids = mountedBy.computeIfAbsent(name, k -> new HashSet<>());
      if (ids.isEmpty() && !v.mounts().isEmpty() && !store.isMounted(name)) {
        mounter.mount(v.mounts(), v.dataPath());
      }
      ids.add(containerId);
    }
    event(name, "mount", Map.of("container", containerId, "destination", destination,
        "read/write", Boolean.toString(rw), "propagation", propagation == null ? "" : propagation));
    return v.dataPath();
  }

  public void unmount(String name, String containerId) {
    if (!store.exists(name)) {
      return;
    }
    LocalVolume v = store.get(name);
    synchronized (mountedBy) {
      Set<String> ids = mountedBy.get(name);
      if (ids == null || !ids.remove(containerId)) {
        return;
      }
      if (ids.isEmpty()) {
        mountedBy.remove(name);
        if (!v.mounts().isEmpty()) {
          mounter.unmount(v.dataPath());
        }
      }
    }
    event(name, "unmount", Map.of("container", containerId));
  }

  public boolean isEmpty(String name) {
    return store.isEmpty(name);
  }

  /** {@code rm -v}: removes the volume unless a container other than {@code except} still uses it. */
  public void removeIfUnused(String name, String except) {
    if (store.exists(name) && users.apply(name).stream().allMatch(id -> id.equals(except))) {
      store.remove(name);
      event(name, "destroy", Map.of());
    }
  }

  /** {@code system df}: every volume with its size and reference count. */
  public List<Volume> diskUsage() {
    List<Volume> out = new ArrayList<>();
    for (LocalVolume v : store.list()) {
      out.add(VolumeViews.view(v).withUsageData(store.size(v.name()), users.apply(v.name()).size()));
    }
    return out;
  }

  private void event(String name, String action, Map<String, String> extra) {
    Map<String, String> attrs = new HashMap<>(extra);
    attrs.put("driver", LocalVolume.DRIVER);
    events.publish("volume", action, name, attrs);
  }
}
