package dev.berth.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StdioTest {
  @ParameterizedTest
  @CsvSource({"false,false,false,false", "true,true,false,false", "true,false,false,true", "true,true,true,true",
      "false,false,true,false"})
  void leaveStdinOpenFollowsDockerd(boolean openStdin, boolean stdinOnce, boolean tty, boolean expected) {
    assertEquals(expected, new Stdio(openStdin, stdinOnce, tty).leaveStdinOpen());
  }
}
