package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
      "1.41,   1.41,    0",
      "1.41,   1.9,     1",
      "1.9,    1.41,   -1",
      "1.40,   1.40.0,  0",
      "1,      1.0,     0",
      "2.0,    1.99,    1",
      "1.24,   1.50,   -1",
      "1.50.1, 1.50,    1",
      "1.x,    1.0,     0",
  })
  void compare(String a, String b, int sign) {
    assertEquals(sign, Integer.signum(ApiVersion.compare(a, b)));
    assertEquals(-sign, Integer.signum(ApiVersion.compare(b, a)));
  }

  @Test
  void lessThanAndAtLeast() {
    assertTrue(ApiVersion.lessThan("1.24", "1.25"));
    assertFalse(ApiVersion.lessThan("1.25", "1.25"));
    assertTrue(ApiVersion.atLeast("1.25", "1.25"));
    assertTrue(ApiVersion.atLeast("1.100", "1.50"));
    assertFalse(ApiVersion.atLeast("1.9", "1.24"));
  }

  @ParameterizedTest
  @CsvSource({"1.24", "1.25", "1.41", "1.50", "1.50.0"})
  void supported(String v) {
    ApiVersion.checkSupported(v);
  }

  @Test
  void tooNew_dockerdMessage() {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> ApiVersion.checkSupported("1.51"));
    assertEquals("client version 1.51 is too new. Maximum supported API version is 1.50", e.getMessage());
  }

  @Test
  void tooOld_dockerdMessage() {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> ApiVersion.checkSupported("1.12"));
    assertEquals("client version 1.12 is too old. Minimum supported API version is 1.24, "
        + "please upgrade your client to a newer version", e.getMessage());
  }
}
