package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.model.container.RestartPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPoliciesTest {
  @Test
  void policies_decideLikeMobysRestartManager() {
    assertFalse(RestartPolicies.shouldRestart(RestartPolicy.empty(), 1, false, 0));
    assertFalse(RestartPolicies.shouldRestart(RestartPolicy.of("no"), 1, false, 0));
    assertTrue(RestartPolicies.shouldRestart(RestartPolicy.of("always"), 0, false, 9));
    assertTrue(RestartPolicies.shouldRestart(RestartPolicy.of("always"), 0, true, 0));
    assertTrue(RestartPolicies.shouldRestart(RestartPolicy.of("unless-stopped"), 0, false, 0));
    assertFalse(RestartPolicies.shouldRestart(RestartPolicy.of("unless-stopped"), 0, true, 0));
    assertFalse(RestartPolicies.shouldRestart(RestartPolicy.of("on-failure"), 0, false, 0));
    assertTrue(RestartPolicies.shouldRestart(RestartPolicy.of("on-failure"), 1, false, 100));
    assertTrue(RestartPolicies.shouldRestart(new RestartPolicy("on-failure", 2), 1, false, 1));
    assertFalse(RestartPolicies.shouldRestart(new RestartPolicy("on-failure", 2), 1, false, 2));
  }

  @Test
  void backoff_doublesFrom100ms_resetsAfterTenSeconds_capsAtAMinute() {
    assertEquals(100, RestartPolicies.nextDelay(0, Duration.ZERO));
    assertEquals(200, RestartPolicies.nextDelay(100, Duration.ofSeconds(1)));
    assertEquals(400, RestartPolicies.nextDelay(200, Duration.ZERO));
    assertEquals(100, RestartPolicies.nextDelay(6400, Duration.ofSeconds(10)));
    assertEquals(60_000, RestartPolicies.nextDelay(51_200, Duration.ZERO));
    assertEquals(60_000, RestartPolicies.nextDelay(60_000, Duration.ZERO));
  }
}
