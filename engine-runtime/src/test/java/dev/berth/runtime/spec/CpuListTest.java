package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class CpuListTest {
  @Test
  void parsesDockersFormats() {
    BitSet s = CpuList.parse("0,3-4,7,0-0", 0);
    assertEquals("{0, 3, 4, 7}", s.toString());
    assertEquals("{1, 2, 3}", CpuList.parse("03,1-3", 0).toString());
  }

  @Test
  void malformedListsAreInvalidFormat() {
    for (String bad : new String[] {"a", "1-", "3-1", "1,,2", "-1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuList.parse(bad, 0));
      assertEquals("invalid format: " + bad, e.getMessage());
    }
    assertEquals("value of out range, maximum is 8192",
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("1-9999999", 8192)).getMessage());
  }

  @Test
  void checkAvailable_usesDockerdsMessages() {
    assertDoesNotThrow(() -> CpuList.checkAvailable("0,1", "0-1"));
    assertDoesNotThrow(() -> CpuList.checkAvailable("", "0-1"));
    assertEquals("Requested CPUs are not available - requested 0-2, available: 0-1",
        assertThrows(InvalidParameterException.class, () -> CpuList.checkAvailable("0-2", "0-1")).getMessage());
    assertEquals("Invalid value x for cpuset cpus: invalid format: x",
        assertThrows(InvalidParameterException.class, () -> CpuList.checkAvailable("x", "0-1")).getMessage());
  }
}
