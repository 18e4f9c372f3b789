package dev.berth.daemon.events;

import static dev.berth.daemon.events.Events.container;
import static dev.berth.daemon.events.Events.filters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.backend.EventsBackend;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.events.EventMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBusTest {
  private final EventBus bus = new EventBus();
  private final List<EventMessage> got = new CopyOnWriteArrayList<>();

  private static Instant sec(long s) {
    return Instant.ofEpochSecond(s);
  }

  private List<String> actions() {
    return got.stream().map(EventMessage::action).toList();
  }

  private void publishHistory() {
    bus.publish(container(100, "create", "a1", "web"));
    bus.publish(container(200, "start", "a1", "web"));
    bus.publish(container(300, "create", "b2", "db"));
    bus.publish(container(400, "die", "a1", "web"));
  }

  @Test
  void replay_sinceUntil_inclusiveRange_andPastUntilIsDoneAtOnce() {
    publishHistory();
    EventsBackend.Subscription s = bus.subscribe(sec(200), sec(300), Filters.empty(), got::add);
    assertEquals(List.of("start", "create"), actions());
    assertTrue(s.done().isDone(), "until in the past: nothing live to wait for");
    assertEquals(0, bus.listeners());
    bus.publish(container(500, "destroy", "a1", "web"));
    assertEquals(2, got.size(), "a finished subscription gets no live events");
  }

  @Test
  void replay_appliesFilters() {
    publishHistory();
    bus.subscribe(sec(0), sec(1000), filters("container=web"), got::add).close();
    assertEquals(List.of("create", "start", "die"), actions());
  }

  @Test
  void noSince_noReplay_thenLiveDelivery() {
    publishHistory();
    EventsBackend.Subscription s = bus.subscribe(null, null, Filters.empty(), got::add);
    assertTrue(got.isEmpty());
    assertEquals(1, bus.listeners());
    assertFalse(s.done().isDone());
    bus.publish("container", "start", "c3", Map.of("name", "cache", "image", "redis"));
    assertEquals(List.of("start"), actions());
    EventMessage ev = got.get(0);
    assertEquals("c3", ev.actor().id());
    assertEquals("redis", ev.from());
    s.close();
    assertTrue(s.done().isDone());
    assertEquals(0, bus.listeners());
    bus.publish("container", "stop", "c3", Map.of());
    assertEquals(1, got.size(), "closed subscriptions get nothing");
  }

  @Test
  void sinceThenLive_replaysThenFollows() {
    publishHistory();
    try (EventsBackend.Subscription s = bus.subscribe(sec(350), null, Filters.empty(), got::add)) {
      assertEquals(List.of("die"), actions());
      assertFalse(s.done().isDone());
      bus.publish(container(500, "destroy", "a1", "web"));
      assertEquals(List.of("die", "destroy"), actions());
    }
  }

  @Test
  void liveDelivery_isFiltered() {
    try (var s = bus.subscribe(null, null, filters("type=container", "event=start", "label=tier=front"), got::add)) {
      bus.publish("container", "start", "x", Map.of("name", "x", "tier", "front"));
      bus.publish("container", "start", "y", Map.of("name", "y", "tier", "back"));
      bus.publish("container", "stop", "x", Map.of("name", "x", "tier", "front"));
      bus.publish("image", "start", "x", Map.of("tier", "front"));
      assertEquals(1, got.size());
      assertEquals("x", got.get(0).actor().id());
      assertEquals(1, bus.listeners(), s.toString());
    }
  }

  @Test
  void futureUntil_endsTheSubscriptionWhenItPasses() throws Exception {
    Instant until = Instant.now().plusMillis(150);
    EventsBackend.Subscription s = bus.subscribe(null, until, Filters.empty(), got::add);
    assertFalse(s.done().isDone());
    bus.publish(container(until.getEpochSecond() - 1, "start", "a", "a"));
    bus.publish(container(until.getEpochSecond() + 10, "late", "a", "a"));
    assertEquals(List.of("start"), actions(), "events after until are not delivered");
    s.done().get(5, TimeUnit.SECONDS);
    assertEquals(0, bus.listeners());
  }

  @Test
  void capacity_keepsTheNewestEvents() {
    int extra = 10;
    for (int i = 0; i < EventBus.CAPACITY + extra; i++) {
      bus.publish(container(1000 + i, "e" + i, "id", "n"));
    }
    bus.subscribe(sec(0), sec(1), Filters.empty(), got::add);
    assertTrue(got.isEmpty());
    bus.subscribe(sec(0), sec(100_000), Filters.empty(), got::add);
    assertEquals(EventBus.CAPACITY, got.size());
    assertEquals("e" + extra, got.get(0).action());
    assertEquals("e" + (EventBus.CAPACITY + extra - 1), got.get(got.size() - 1).action());
  }

  @Test
  void publishConvenience_buildsDockerShapedEvents() {
    bus.subscribe(null, null, Filters.empty(), got::add);
    bus.publish("network", "create", "n1", Map.of("name", "front", "type", "bridge"));
    EventMessage ev = got.get(0);
    assertEquals("network", ev.type());
    assertEquals("create", ev.action());
    assertEquals(null, ev.status(), "legacy fields only for containers and images");
    assertEquals("local", ev.scope());
    assertEquals(ev.time(), ev.timeNano() / 1_000_000_000L);
  }
}
