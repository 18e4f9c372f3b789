package dev.berth.daemon.events;

import dev.berth.api.filters.Filters;
import dev.berth.api.model.events.EventMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: events with chosen timestamps, and filters from {@code key=value} pairs. */
final class Events {
  private Events() {}

  static EventMessage at(long seconds, String type, String action, String id, Map<String, String> attrs) {
    long nanos = seconds * 1_000_000_000L;
    return new EventMessage(action, id, null, type, action, new EventMessage.Actor(id, attrs), "local",
        seconds, nanos);
  }

  static EventMessage container(long seconds, String action, String id, String name) {
    return at(seconds, "container", action, id, Map.of("name", name, "image", "busybox:latest"));
  }

  /** {@code filters("type=container", "type=image", "label=a=b")}: the first '=' splits key from value. */
  static Filters filters(String... pairs) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String p : pairs) {
      int eq = p.indexOf('=');
      m.computeIfAbsent(p.substring(0, eq), k -> new java.util.ArrayList<>()).add(p.substring(eq + 1));
    }
    return Filters.of(m);
  }
}
