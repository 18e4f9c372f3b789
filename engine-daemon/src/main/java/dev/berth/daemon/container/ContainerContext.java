package dev.berth.daemon.container;

import dev.berth.daemon.events.EventBus;
import java.util.HashMap;
import java.util.Map;

/**
 * What the container operations share: the store, the image port, the runtime side, events and the daemon
 * settings they need.
 *
 * @param logMaxSize the log file size at which the monitor starts over (0: unbounded)
 */
record ContainerContext(ContainerStore store, ImagePort images, RuntimeServices runtime, ContainerNetworking network,
    EventBus events, ContainerSettings settings, ContainerVolumes volumes) {

  /** Daemon-level settings for containers (from daemon.json). */
  record ContainerSettings(String defaultRuntime, String logDriver, long logMaxSize, String cgroupParent,
      boolean liveRestore) {}

  /** Publishes a container event with dockerd's attributes: image, name, and the container's labels. */
  void event(ContainerRecord r, String action, Map<String, String> extra) {
    Map<String, String> attrs = new HashMap<>();
    if (r.config().labels() != null) {
      attrs.putAll(r.config().labels());
    }
    attrs.put("image", r.config().image() == null ? "" : r.config().image());
    attrs.put("name", r.plainName());
    attrs.putAll(extra);
    events.publish("container", action, r.id(), attrs);
  }

  void event(ContainerRecord r, String action) {
    event(r, action, Map.of());
  }
}
