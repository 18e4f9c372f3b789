package dev.berth.daemon.events;

import static dev.berth.daemon.events.Events.at;
import static dev.berth.daemon.events.Events.filters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.filters.Filters;
import dev.berth.api.model.events.EventMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventFilterTest {
  private static final String ID = "f00ba4c0ffee" + "0".repeat(52);
  private static final EventMessage START = at(1, "container", "start", ID,
      Map.of("name", "web", "image", "busybox:latest", "com.example.tier", "front", "flag", ""));
  private static final EventMessage HEALTH = at(1, "container", "health_status: healthy", ID,
      Map.of("name", "web", "image", "busybox"));
  private static final EventMessage EXEC = at(1, "container", "exec_start: sh -c true", ID,
      Map.of("name", "web", "image", "busybox"));
  private static final EventMessage PULL = at(1, "image", "pull", "busybox:latest", Map.of("name", "busybox"));
  private static final EventMessage TAG = at(1, "image", "tag", "sha256:" + "a".repeat(64),
      Map.of("name", "localhost:5000/app:v1"));
  private static final EventMessage NET = at(1, "network", "connect", "net1234",
      Map.of("name", "bridge", "container", ID, "type", "bridge"));
  private static final EventMessage VOL = at(1, "volume", "create", "data", Map.of("driver", "local"));
  private static final EventMessage BARE = new EventMessage(null, null, null, "daemon", "reload", null, "local", 1,
      1_000_000_000L);

  private static boolean includes(String filterPairs, EventMessage ev) {
    Filters f = filterPairs.isEmpty() ? Filters.empty() : filters(filterPairs.split(" "));
    return new EventFilter(f).include(ev);
  }

  @Test
  void noFilters_includeEverything() {
    for (EventMessage ev : new EventMessage[] {START, HEALTH, EXEC, PULL, TAG, NET, VOL, BARE}) {
      assertTrue(includes("", ev), ev.toString());
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // filters (space separated key=value)           | START | PULL | NET  | VOL
      "type=container                                   | true  | false| false| false",
      "type=container type=image                        | true  | true | false| false",
      "type=volume                                      | false | false| false| true",
      "event=start                                      | true  | false| false| false",
      "event=sta                                        | false | false| false| false",
      "event=start event=pull event=create              | true  | true | false| true",
      "container=web                                    | true  | false| false| false",
      "container=f00ba4                                 | true  | false| false| false",
      "container=f00ba4c0ffee                           | true  | false| false| false",
      "container=00ba4                                  | false | false| false| false",
      "container=web container=other                    | true  | false| false| false",
      "image=busybox                                    | true  | true | false| false",
      "image=busybox:latest                             | true  | true | false| false",
      "image=busybox:1.36                               | false | false| false| false",
      "image=alpine                                     | false | false| false| false",
      "label=com.example.tier                           | true  | false| false| false",
      "label=com.example.tier=front                     | true  | false| false| false",
      "label=com.example.tier=back                      | false | false| false| false",
      "label=flag=                                      | true  | false| false| false",
      "label=missing                                    | false | false| false| false",
      "label=driver=local                               | false | false| false| true",
      "network=bridge                                   | false | false| true | false",
      "network=net1                                     | false | false| true | false",
      "volume=data                                      | false | false| false| true",
      "volume=dat                                       | false | false| false| true",
      "volume=x                                         | false | false| false| false",
      "scope=local                                      | true  | true | true | true",
      "scope=swarm                                      | false | false| false| false",
      "type=container event=start container=web         | true  | false| false| false",
      "type=container event=die                         | false | false| false| false",
  })
  void filterTable(String f, boolean start, boolean pull, boolean net, boolean vol) {
    assertEquals(start, includes(f, START), "START");
    assertEquals(pull, includes(f, PULL), "PULL");
    assertEquals(net, includes(f, NET), "NET");
    assertEquals(vol, includes(f, VOL), "VOL");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "event=health_status, true, false",
      "event=exec_start,    false, true",
      "event=health_status event=exec_start, true, true",
      "event=start,         false, false",
  })
  void healthAndExecEvents_matchByPrefix(String f, boolean health, boolean exec) {
    assertEquals(health, includes(f, HEALTH));
    assertEquals(exec, includes(f, EXEC));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "image=localhost:5000/app,      true",
      "image=localhost:5000/app:v1,   true",
      "image=localhost:5000/app:v2,   false",
      "image=localhost,               false",
      "image=sha256:aaaaaaaa,         false",
  })
  void imageEvents_matchTheirNameWithAndWithoutTag(String f, boolean expected) {
    assertEquals(expected, includes(f, TAG));
  }

  @Test
  void imageEvents_matchTheirFullId() {
    assertTrue(includes("image=sha256:" + "a".repeat(64), TAG));
  }

  @Test
  void containerImageByDigest_matchesRepository() {
    EventMessage ev = at(1, "container", "create", ID, Map.of("name", "x", "image", "busybox@sha256:abcd"));
    assertTrue(includes("image=busybox", ev));
    assertTrue(includes("image=busybox@sha256:abcd", ev));
  }

  @Test
  void eventWithoutActor_onlyFailsActorFilters() {
    assertTrue(includes("type=daemon event=reload", BARE));
    assertEquals(false, includes("container=x", BARE));
    assertEquals(false, includes("label=a", BARE));
    assertEquals(false, includes("image=x", BARE));
  }

  @org.junit.jupiter.api.Disabled("divergence: moby's fuzzyMatchName prefix-matches the name too (container=we "
      + "selects \"web\"); Berth compares names exactly")
  @Test
  void nameFilter_isPrefixMatchLikeMoby() {
    assertTrue(includes("container=we", START));
  }

  @org.junit.jupiter.api.Disabled("divergence: moby strips tags after reference normalisation (FamiliarName), so "
      + "image=busybox also selects events for docker.io/library/busybox:latest")
  @Test
  void imageFilter_normalisesReferences() {
    EventMessage ev = at(1, "container", "create", ID, Map.of("name", "x", "image", "docker.io/library/busybox:1"));
    assertTrue(includes("image=busybox", ev));
  }
}
