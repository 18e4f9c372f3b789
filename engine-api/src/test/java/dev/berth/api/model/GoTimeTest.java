package dev.berth.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoTimeTest {

  @Test
  void formatsLikeGoRfc3339Nano_trimmingTrailingZeros() {
    assertEquals("2025-06-01T10:20:30Z", GoTime.rfc3339Nano(Instant.parse("2025-06-01T10:20:30Z")));
    assertEquals("2025-06-01T10:20:30.1Z", GoTime.rfc3339Nano(Instant.parse("2025-06-01T10:20:30.100Z")));
    assertEquals("2025-06-01T10:20:30.123456789Z",
        GoTime.rfc3339Nano(Instant.parse("2025-06-01T10:20:30.123456789Z")));
    assertEquals("2025-06-01T10:20:30.00004Z", GoTime.rfc3339Nano(Instant.parse("2025-06-01T10:20:30.00004Z")));
  }

  @Test
  void zeroTime_isGoZeroValue() {
    assertEquals(GoTime.ZERO, GoTime.rfc3339Nano(null));
    assertEquals(GoTime.ZERO, GoTime.rfc3339Nano(Instant.parse("0001-01-01T00:00:00Z")));
    assertTrue(GoTime.isZero(GoTime.ZERO));
  }

  @Test
  void parsesOffsetsAndFractions() {
    assertEquals(Instant.parse("2025-06-01T08:20:30.5Z"), GoTime.parse("2025-06-01T10:20:30.5+02:00"));
    assertNull(GoTime.parse(""));
  }
}
