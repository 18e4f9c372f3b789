package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The daemon's exec instances, in memory only (as dockerd's). Unlike dockerd's, which keeps ended execs until a
 * 5-minute sweep after their container is gone and never bounds them (moby#40304), this one forgets an ended exec
 * {@link #TTL} after its end and keeps at most {@link #MAX_ENDED} ended and {@link #MAX_IDLE} never-started execs
 * per container, the oldest going first. The container's own set ({@code Container.execs}) lists the execs that
 * are created or running, for inspect's {@code ExecIDs}.
 */
final class ExecStore {
  static final Duration TTL = Duration.ofMinutes(5);
  static final int MAX_ENDED = 64;
  static final int MAX_IDLE = 256;

  private final Map<String, Exec> byId = new ConcurrentHashMap<>();

  void add(Exec e) {
    e.container.execs.add(e.id); // first: a concurrent purge must not take it for an orphan
    byId.put(e.id, e);
  }

  void remove(Exec e) {
    byId.remove(e.id);
    e.container.execs.remove(e.id);
  }

  int size() {
    return byId.size();
  }

  /** The exec with this ID or unique ID prefix; null when there is none. */
  Exec find(String ref) {
    if (ref == null || ref.isEmpty()) {
      return null;
    }
    Exec e = byId.get(ref);
    if (e != null) {
      return e;
    }
    for (Exec x : byId.values()) {
      if (x.id.startsWith(ref)) {
        if (e != null) {
          throw new InvalidParameterException("multiple IDs found with provided prefix: " + ref);
        }
        e = x;
      }
    }
    return e;
  }

  /**
   * Forgets execs whose container is gone ({@code removed}), never-started execs their container dropped (it
   * stopped: dockerd unregisters them then), ended execs past the TTL, and the oldest beyond the bounds.
   */
  void purge(Instant now, Predicate<Container> removed) {
    Map<Container, List<Exec>> ended = new HashMap<>();
    Map<Container, List<Exec>> idle = new HashMap<>();
    for (Exec e : byId.values()) {
      Instant end = e.endedAt();
      if (removed.test(e.container) || isOrphaned(e) || (end != null && end.plus(TTL).isBefore(now))) {
        remove(e);
      } else if (end != null) {
        ended.computeIfAbsent(e.container, c -> new ArrayList<>()).add(e);
      } else if (e.isCreated()) {
        idle.computeIfAbsent(e.container, c -> new ArrayList<>()).add(e);
      }
    }
    ended.values().forEach(l -> dropOldest(l, MAX_ENDED,
        Comparator.comparing(Exec::endedAt).thenComparingLong(e -> e.seq)));
    idle.values().forEach(l -> dropOldest(l, MAX_IDLE, Comparator.comparingLong(e -> e.seq)));
  }

  /** A never-started exec its container no longer lists. */
  static boolean isOrphaned(Exec e) {
    return e.isCreated() && !e.container.execs.contains(e.id);
  }

  private void dropOldest(List<Exec> execs, int keep, Comparator<Exec> age) {
    if (execs.size() <= keep) {
      return;
    }
    execs.sort(age);
    execs.subList(0, execs.size() - keep).forEach(this::remove);
  }
}
