package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.Health;
import dev.berth.api.model.container.HealthConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthChecksTest {
  private static Health.HealthcheckResult result(int code) {
    return new Health.HealthcheckResult("2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", code, "");
  }

  @Test
  void command_fromTest() {
    assertEquals(List.of("/bin/sh", "-c", "curl -f x"),
        HealthChecks.command(new HealthConfig(List.of("CMD-SHELL", "curl -f x"), 0, 0, 0, 0, 0)));
    assertEquals(List.of("true", "a"), HealthChecks.command(new HealthConfig(List.of("CMD", "true", "a"), 0, 0, 0,
        0, 0)));
    assertNull(HealthChecks.command(new HealthConfig(List.of("NONE"), 0, 0, 0, 0, 0)));
    assertNull(HealthChecks.command(null));
    assertNull(HealthChecks.command(new HealthConfig(List.of(), 0, 0, 0, 0, 0)));
  }

  @Test
  void state_turnsUnhealthyAfterRetries_andHealthyOnSuccess() {
    HealthChecks.HealthState s = new HealthChecks.HealthState();
    s.reset("run1");
    assertNull(s.record(result(1), 2, false));
    assertEquals("unhealthy", s.record(result(1), 2, false));
    assertNull(s.record(result(1), 2, false));
    assertEquals(3, s.view().failingStreak());
    assertEquals("healthy", s.record(result(0), 2, false));
    assertEquals(0, s.view().failingStreak());
    for (int i = 0; i < 6; i++) {
      s.record(result(0), 2, false);
    }
    assertEquals(5, s.view().log().size());
  }

  @Test
  void startPeriod_failuresDoNotCountWhileStarting() {
    HealthChecks.HealthState s = new HealthChecks.HealthState();
    s.reset("run1");
    assertNull(s.record(result(1), 1, true));
    assertEquals("starting", s.view().status());
    assertEquals(0, s.view().failingStreak());
    assertEquals("healthy", s.record(result(0), 1, true));
    assertEquals("unhealthy", s.record(result(1), 1, true));
  }

  @Test
  void filterAndStatusLine() {
    assertTrue(HealthChecks.matches(Set.of("none"), null));
    assertTrue(HealthChecks.matches(Set.of("healthy"), new Health("healthy", 0, List.of())));
    assertFalse(HealthChecks.matches(Set.of("healthy"), new Health("starting", 0, List.of())));
    assertThrows(InvalidParameterException.class, () -> HealthChecks.matches(Set.of("bogus"), null));
  }
}
