package dev.berth.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {
  @ParameterizedTest
  @CsvSource({"SIGUSR1,10", "USR1,10", "usr1,10", "sigterm,15", "9,9", "KILL,9", "SIGWINCH,28", "RTMIN,34",
      "RTMIN+3,37", "SIGRTMAX-1,63", "64,64", "HUP,1"})
  void parses(String raw, int expected) {
    assertEquals(expected, Signals.parse(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65", "FOO", "SIG", "", "-1", "RTMIN+16", "99999"})
  void rejectsLikeDockerd(String raw) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Signals.parse(raw));
    assertEquals("Invalid signal: " + raw, e.getMessage());
  }
}
