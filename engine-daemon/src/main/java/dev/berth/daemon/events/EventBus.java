package dev.berth.daemon.events;

import dev.berth.api.backend.EventsBackend;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.events.EventMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes engine events to subscribers and keeps the last {@link #CAPACITY} in memory so {@code events --since}
 * can replay them (moby's {@code daemon/events}). Subscribers' sinks must not block: the events route hands them
 * a queue.
 */
public final class EventBus implements EventsBackend {
  static final int CAPACITY = 1024;

  private final ArrayDeque<EventMessage> log = new ArrayDeque<>();
  private final List<Sub> subscribers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("events-until").factory());

  /** Records and delivers an event. */
  public void publish(EventMessage ev) {
    synchronized (log) {
      if (log.size() == CAPACITY) {
        log.removeFirst();
      }
      log.addLast(ev);
      for (Sub s : subscribers) {
        s.offer(ev);
      }
    }
  }

  /** Convenience for modules: {@code publish(EventMessage.of(type, action, id, attributes))}. */
  public void publish(String type, String action, String actorId, Map<String, String> attributes) {
    publish(EventMessage.of(type, action, actorId, attributes));
  }

  public int listeners() {
    return subscribers.size();
  }

  @Override
  public Subscription subscribe(Instant since, Instant until, Filters filters, Consumer<EventMessage> sink) {
    EventFilter filter = new EventFilter(filters);
    Sub sub = new Sub(filter, until, sink);
    List<EventMessage> replay = new ArrayList<>();
    synchronized (log) {
      if (since != null) {
        long from = nanos(since);
        long to = until == null ? Long.MAX_VALUE : nanos(until);
        for (EventMessage ev : log) {
          if (ev.timeNano() >= from && ev.timeNano() <= to && filter.include(ev)) {
            replay.add(ev);
          }
        }
      }
      replay.forEach(sink);
      if (until != null && !until.isAfter(Instant.now())) {
        sub.done.complete(null);
        return sub;
      }
      subscribers.add(sub);
    }
    if (until != null) {
      long delay = Math.max(0, until.toEpochMilli() - System.currentTimeMillis());
      timers.schedule(sub::close, delay, TimeUnit.MILLISECONDS);
    }
    return sub;
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private final class Sub implements Subscription {
    final EventFilter filter;
    final Instant until;
    final Consumer<EventMessage> sink;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Sub(EventFilter filter, Instant until, Consumer<EventMessage> sink) {
      this.filter = filter;
      this.until = until;
      this.sink = sink;
    }

    void offer(EventMessage ev) {
      if (filter.include(ev) && (until == null || ev.timeNano() <= nanos(until))) {
        sink.accept(ev);
      }
    }

    @Override
    public CompletableFuture<Void> done() {
      return done;
    }

    @Override
    public void close() {
      subscribers.remove(this);
      done.complete(null);
    }
  }
}
