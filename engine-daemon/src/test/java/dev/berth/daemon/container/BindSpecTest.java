package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;

class BindSpecTest {
  @Test
  void forms() {
    assertEquals(new BindSpec("", "/data", "", false, false, ""), BindSpec.parse("/data"));
    assertEquals(new BindSpec("", "/data", "ro", true, false, ""), BindSpec.parse("/data:ro"));
    assertEquals(new BindSpec("vol", "/data", "", false, false, ""), BindSpec.parse("vol:/data"));
    assertEquals(new BindSpec("vol", "/data", "ro,nocopy", true, true, ""), BindSpec.parse("vol:/data:ro,nocopy"));
    BindSpec b = BindSpec.parse("/host:/ctr/:rshared");
    assertTrue(b.isBind());
    assertEquals("/ctr", b.destination());
    assertEquals("rshared", b.propagation());
    assertFalse(BindSpec.parse("vol:/d").isBind());
  }

  @Test
  void invalid() {
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse("vol:rel"));
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse("a:/b:c:d"));
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse("vol:/d:bogus"));
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse("/h:/d:nocopy"));
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse("vol:/d:rshared"));
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse(":/d"));
  }
}
