package dev.berth.runtime.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class K8sLogLineTest {
  @Test
  void parsesConmonRecords() {
    K8sLogLine l = K8sLogLine.parse("2026-11-22T07:49:32.216142800+00:00 stdout F hello out");
    assertEquals(Instant.parse("2026-11-22T07:49:32.216142800Z"), l.time());
    assertEquals(StdStream.STDOUT, l.stream());
    assertFalse(l.partial());
    assertEquals("hello out", new String(l.content(), StandardCharsets.UTF_8));
  }

  @Test
  void partialAndEmptyAndOffsets() {
    K8sLogLine p = K8sLogLine.parse("2026-11-22T08:49:32.000000001+01:00 stderr P abc");
    assertTrue(p.partial());
    assertEquals(StdStream.STDERR, p.stream());
    assertEquals(Instant.parse("2026-11-22T07:49:32.000000001Z"), p.time());
    assertArrayEquals(new byte[0], K8sLogLine.parse("2026-11-22T07:49:32.216142800+00:00 stdout F ").content());
    assertArrayEquals(new byte[0], K8sLogLine.parse("2026-11-22T07:49:32.216142800+00:00 stdout F").content());
  }

  @Test
  void contentKeepsSpacesAndCarriageReturns() {
    assertEquals("  a b\r", new String(
        K8sLogLine.parse("2026-11-22T07:49:32.2+00:00 stdout F   a b\r").content(), StandardCharsets.UTF_8));
  }

  @Test
  void rejectsOtherLines() {
    assertNull(K8sLogLine.parse("garbage"));
    assertNull(K8sLogLine.parse("2026-11-22T07:49:32Z stdin F x"));
    assertNull(K8sLogLine.parse("notatime stdout F x"));
    assertNull(K8sLogLine.parse("2026-11-22T07:49:32Z stdout X x"));
  }
}
