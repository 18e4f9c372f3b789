package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvMergeTest {
  private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  static Stream<Arguments> createCases() {
    return Stream.of(
        Arguments.of(List.of("PATH=/img", "A=1"), List.of(), List.of("PATH=/img", "A=1")),
        Arguments.of(List.of("PATH=/img", "A=1"), List.of("A=2"), List.of("A=2", "PATH=/img")),
        Arguments.of(List.of("A=1"), List.of("B=2", "C"), List.of("B=2", "C", "A=1")),
        Arguments.of(null, List.of("X=y"), List.of("X=y")),
        Arguments.of(List.of("A=1"), null, List.of("A=1")));
  }

  @ParameterizedTest
  @MethodSource("createCases")
  void imageAndRequest_requestWinsAndComesFirst(List<String> image, List<String> request, List<String> expected) {
    assertEquals(expected, EnvMerge.imageAndRequest(image, request));
  }

  static Stream<Arguments> processCases() {
    return Stream.of(
        Arguments.of(List.of(), "abc", false, List.of(PATH, "HOSTNAME=abc")),
        Arguments.of(List.of(), "abc", true, List.of(PATH, "HOSTNAME=abc", "TERM=xterm")),
        Arguments.of(List.of("PATH=/custom", "FOO=bar"), "h", false, List.of("PATH=/custom", "HOSTNAME=h", "FOO=bar")),
        Arguments.of(List.of("TERM=vt100"), "h", true, List.of(PATH, "HOSTNAME=h", "TERM=vt100")),
        Arguments.of(List.of("HOSTNAME"), "h", false, List.of(PATH)));
  }

  @ParameterizedTest
  @MethodSource("processCases")
  void processEnv_addsDockerDefaults(List<String> config, String hostname, boolean tty, List<String> expected) {
    assertEquals(expected, EnvMerge.processEnv(config, hostname, tty));
  }

  @Test
  void replaceOrAppend_bareNameUnsets() {
    assertEquals(List.of("A=1", "C=3"),
        EnvMerge.replaceOrAppend(List.of("A=1", "B=2"), List.of("B", "C=3", "D")));
  }
}
