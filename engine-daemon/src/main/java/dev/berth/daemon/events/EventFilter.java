package dev.berth.daemon.events;

import dev.berth.api.filters.Filters;
import dev.berth.api.model.events.EventMessage;
import java.util.Map;
import java.util.Set;

/** moby's {@code daemon/events/filter.go}: which events a subscriber's {@code filters} let through. */
final class EventFilter {
  private final Filters f;

  EventFilter(Filters f) {
    this.f = f;
  }

  boolean include(EventMessage ev) {
    Map<String, String> attrs = ev.actor() == null ? Map.of() : ev.actor().attributes();
    String id = ev.actor() == null ? "" : ev.actor().id();
    return matchEvent(ev.action())
        && f.exactMatch("type", ev.type())
        && (!f.contains("scope") || f.exactMatch("scope", ev.scope()))
        && fuzzyName("daemon", id, attrs)
        && fuzzyName("container", id, attrs)
        && fuzzyName("plugin", id, attrs)
        && fuzzyName("volume", id, attrs)
        && fuzzyName("network", id, attrs)
        && fuzzyName("config", id, attrs)
        && fuzzyName("secret", id, attrs)
        && fuzzyName("service", id, attrs)
        && fuzzyName("node", id, attrs)
        && matchImage(ev.type(), id, attrs)
        && f.matchLabels("label", attrs);
  }

  private boolean matchEvent(String action) {
    Set<String> wanted = f.values("event");
    if (wanted.contains("health_status") || wanted.contains("exec_create") || wanted.contains("exec_start")) {
      return f.fuzzyMatch("event", action);
    }
    return f.exactMatch("event", action);
  }

  private boolean fuzzyName(String key, String id, Map<String, String> attrs) {
    if (!f.contains(key)) {
      return true;
    }
    String name = attrs.getOrDefault("name", "");
    return (!id.isEmpty() && f.fuzzyMatch(key, id)) || (!name.isEmpty() && f.fuzzyMatch(key, name));
  }

  private boolean matchImage(String type, String id, Map<String, String> attrs) {
    if (!f.contains("image")) {
      return true;
    }
    String name = attrs.getOrDefault(type.equals("image") ? "name" : "image", "");
    return f.exactMatch("image", id) || f.exactMatch("image", name)
        || f.exactMatch("image", stripTag(id)) || f.exactMatch("image", stripTag(name));
  }

  private static String stripTag(String ref) {
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    int at = ref.indexOf('@');
    if (at >= 0) {
      return ref.substring(0, at);
    }
    return colon > slash ? ref.substring(0, colon) : ref;
  }
}
