package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineTest {
  private static final List<String> IMG_EP = List.of("/docker-entrypoint.sh");
  private static final List<String> IMG_CMD = List.of("nginx", "-g", "daemon off;");

  static Stream<Arguments> cases() {
    return Stream.of(
        // description, image entrypoint, image cmd, request entrypoint, request cmd, expected argv
        Arguments.of("image defaults", IMG_EP, IMG_CMD, null, null,
            List.of("/docker-entrypoint.sh", "nginx", "-g", "daemon off;")),
        Arguments.of("request cmd replaces image cmd, keeps entrypoint", IMG_EP, IMG_CMD, null, List.of("sh"),
            List.of("/docker-entrypoint.sh", "sh")),
        Arguments.of("--entrypoint resets image cmd", IMG_EP, IMG_CMD, List.of("/bin/sh"), null,
            List.of("/bin/sh")),
        Arguments.of("--entrypoint with cmd", IMG_EP, IMG_CMD, List.of("/bin/sh"), List.of("-c", "id"),
            List.of("/bin/sh", "-c", "id")),
        Arguments.of("--entrypoint \"\" drops entrypoint and image cmd", IMG_EP, IMG_CMD, List.of(""),
            List.of("ls"), List.of("ls")),
        Arguments.of("empty request entrypoint list keeps image cmd", IMG_EP, IMG_CMD, List.of(), null,
            List.of("nginx", "-g", "daemon off;")),
        Arguments.of("image without entrypoint", null, List.of("sh"), null, List.of("echo", "hi"),
            List.of("echo", "hi")),
        Arguments.of("image without cmd", IMG_EP, null, null, null, List.of("/docker-entrypoint.sh")),
        Arguments.of("request cmd, empty image", null, null, null, List.of("true"), List.of("true")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void merge(String name, List<String> imgEp, List<String> imgCmd, List<String> reqEp, List<String> reqCmd,
      List<String> expected) {
    assertEquals(expected, CommandLine.merge(imgEp, imgCmd, reqEp, reqCmd).args());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("empties")
  void nothingToRun_isInvalidParameter(String name, List<String> imgEp, List<String> imgCmd, List<String> reqEp,
      List<String> reqCmd) {
    var e = assertThrows(InvalidParameterException.class, () -> CommandLine.merge(imgEp, imgCmd, reqEp, reqCmd));
    assertEquals("no command specified", e.getMessage());
  }

  static Stream<Arguments> empties() {
    return Stream.of(
        Arguments.of("nothing anywhere", null, null, null, null),
        Arguments.of("--entrypoint \"\" and image without cmd", IMG_EP, null, List.of(""), null),
        Arguments.of("--entrypoint \"\" drops image cmd too", IMG_EP, IMG_CMD, List.of(""), List.of()));
  }

  @org.junit.jupiter.api.Test
  void pathAndArgs_splitTheFirstWord() {
    CommandLine c = CommandLine.merge(IMG_EP, IMG_CMD, null, null);
    assertEquals("/docker-entrypoint.sh", c.path());
    assertEquals(IMG_CMD, c.pathArgs());
  }
}
