package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.InvalidParameterException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecStoreTest {
  private static Container container(String id) {
    return new Container(new ContainerRecord(id, "/" + id, null, "sh", List.of(), null, null, null, null, null,
        null, null, 0, false, false));
  }

  private static Exec exec(String id, Container c) {
    return new Exec(id, c, new ExecConfig("sh", List.of("-c", "true"), false, false, "", "", List.of(), false,
        true, true, new byte[0], null));
  }

  @Test
  void findsByIdAndUniquePrefix() {
    ExecStore store = new ExecStore();
    Container c = container("c1");
    Exec a = exec("abc1", c);
    Exec b = exec("abd2", c);
    store.add(a);
    store.add(b);
    assertSame(a, store.find("abc1"));
    assertSame(b, store.find("abd"));
    assertNull(store.find("zz"));
    assertThrows(InvalidParameterException.class, () -> store.find("ab"));
    assertEquals(List.of("abc1", "abd2"), c.execIds());
  }

  @Test
  void endedExecsOutliveTheirRunUntilTheTtl() {
    ExecStore store = new ExecStore();
    Container c = container("c1");
    Exec e = exec("e1", c);
    store.add(e);
    e.beginStart();
    c.execs.remove(e.id);
    e.end(3);
    store.purge(Instant.now(), x -> false);
    assertSame(e, store.find("e1"));
    assertNull(c.execIds());
    store.purge(Instant.now().plus(ExecStore.TTL).plusSeconds(1), x -> false);
    assertNull(store.find("e1"));
  }

  @Test
  void neverStartedExecsGoWithTheRunAndWithTheContainer() {
    ExecStore store = new ExecStore();
    Container c = container("c1");
    Container d = container("c2");
    store.add(exec("e1", c));
    store.add(exec("e2", d));
    c.execs.clear(); // c stopped
    store.purge(Instant.now(), x -> x == d); // d removed
    assertEquals(0, store.size());
  }

  @Test
  void boundsEndedAndIdleExecsPerContainer() {
    ExecStore store = new ExecStore();
    Container c = container("c1");
    for (int i = 0; i < ExecStore.MAX_IDLE + 5; i++) {
      store.add(exec("idle" + i, c));
    }
    for (int i = 0; i < ExecStore.MAX_ENDED + 5; i++) {
      Exec e = exec("ended" + i, c);
      store.add(e);
      e.beginStart();
      e.end(0);
    }
    store.purge(Instant.now(), x -> false);
    assertEquals(ExecStore.MAX_IDLE + ExecStore.MAX_ENDED, store.size());
    assertNull(store.find("idle0"), "the oldest idle exec went first");
    assertTrue(c.execs.contains("idle" + (ExecStore.MAX_IDLE + 4)));
  }

  @Test
  void aStartIsClaimedOnce() {
    Exec e = exec("e1", container("c1"));
    e.beginStart();
    ConflictException running = assertThrows(ConflictException.class, e::beginStart);
    assertEquals("exec command e1 is already running", running.getMessage());
    e.end(1);
    ConflictException ran = assertThrows(ConflictException.class, e::beginStart);
    assertEquals("exec command e1 has already run", ran.getMessage());
    assertEquals(1, e.inspect().exitCode());
  }
}
