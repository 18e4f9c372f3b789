package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DetachKeyFilterTest {
  private static final byte[] KEYS = DetachKeys.parse("ctrl-p,ctrl-q");

  @Test
  void plainInputPassesThrough() {
    DetachKeyFilter f = new DetachKeyFilter(KEYS);
    assertArrayEquals("abc".getBytes(), f.filter("abc".getBytes(), 3));
    assertFalse(f.detached());
  }

  @Test
  void sequenceSpanningTwoReadsDetaches_andPrecedingBytesAreForwarded() {
    DetachKeyFilter f = new DetachKeyFilter(KEYS);
    assertArrayEquals("ab".getBytes(), f.filter(new byte[] {'a', 'b', 16}, 3));
    assertFalse(f.detached());
    assertArrayEquals(new byte[0], f.filter(new byte[] {17, 'z'}, 2));
    assertTrue(f.detached());
  }

  @Test
  void brokenSequenceReleasesTheHeldBackByte() {
    DetachKeyFilter f = new DetachKeyFilter(KEYS);
    assertArrayEquals(new byte[0], f.filter(new byte[] {16}, 1));
    assertArrayEquals(new byte[] {16, 'x'}, f.filter(new byte[] {'x'}, 1));
    assertFalse(f.detached());
  }

  @Test
  void customKeys() {
    assertArrayEquals(new byte[] {'a', 3}, DetachKeys.parse("a,ctrl-c"));
  }
}
