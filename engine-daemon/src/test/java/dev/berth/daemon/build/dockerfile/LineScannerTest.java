package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineScannerTest {

  /** Dockerfile text → the logical lines as "start-end:text". */
  static Stream<Arguments> logicalLines() {
    return Stream.of(
        arguments("FROM a\nRUN b", List.of("1-1:FROM a", "2-2:RUN b")),
        arguments("FROM a\r\nRUN b\r\n", List.of("1-1:FROM a", "2-2:RUN b")),
        arguments("\n\nFROM a\n\n", List.of("3-3:FROM a")),
        arguments("# comment\nFROM a", List.of("2-2:FROM a")),
        arguments("   # indented comment\nFROM a", List.of("2-2:FROM a")),
        arguments("FROM a # not a comment", List.of("1-1:FROM a # not a comment")),
        arguments("FROM a\nRUN echo \\\n  hello", List.of("1-1:FROM a", "2-3:RUN echo   hello")),
        arguments("RUN a \\  \n b", List.of("1-2:RUN a  b")),
        arguments("RUN a \\\n# inner comment\n b", List.of("1-3:RUN a  b")),
        arguments("RUN a \\\n   # indented inner comment\n b", List.of("1-3:RUN a  b")),
        arguments("RUN a \\\n\n b", List.of("1-3:RUN a  b")),
        arguments("RUN a \\\n   \n b", List.of("1-3:RUN a  b")),
        arguments("RUN a \\\n b \\\n c", List.of("1-3:RUN a  b  c")),
        arguments("RUN a \\", List.of("1-1:RUN a ")),
        arguments("\\\nFROM a", List.of("1-2:FROM a")),
        arguments("   FROM a", List.of("1-1:FROM a")),
        arguments("\uFEFFFROM a", List.of("1-1:FROM a")),
        arguments("# escape=`\nRUN a `\n b", List.of("2-3:RUN a  b")),
        arguments("# escape=`\nRUN dir c:\\\nFROM b", List.of("2-2:RUN dir c:\\", "3-3:FROM b")),
        arguments("#escape = `\nRUN a `\n b", List.of("2-3:RUN a  b")),
        arguments("# ESCAPE=`\nRUN a `\n b", List.of("2-3:RUN a  b")),
        arguments("\n# escape=`\nRUN a `\n b", List.of("3-3:RUN a `", "4-4:b")),
        arguments("# comment\n# escape=`\nRUN a `", List.of("3-3:RUN a `")),
        arguments("# unknown=x\n# escape=`\nRUN a `", List.of("3-3:RUN a `")),
        arguments("# syntax=docker/dockerfile:1\n# escape=`\nRUN a `\n b", List.of("3-4:RUN a  b")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("logicalLines")
  void joinsAndNumbersLines(String content, List<String> expected) {
    List<String> got = LineScanner.scan(content).lines().stream()
        .map(l -> l.startLine() + "-" + l.endLine() + ":" + l.text()).toList();
    assertEquals(expected, got);
  }

  @Test
  void syntaxDirectiveIsRecorded() {
    assertEquals(Optional.of("docker/dockerfile:1.4"),
        LineScanner.scan("# syntax=docker/dockerfile:1.4\nFROM a").syntax());
    assertEquals(Optional.empty(), LineScanner.scan("FROM a\n# syntax=x").syntax());
  }

  @Test
  void escapeTokenDefaultsToBackslash() {
    assertEquals('\\', LineScanner.scan("FROM a").escapeToken());
    assertEquals('`', LineScanner.scan("# escape=`\nFROM a").escapeToken());
  }

  @Test
  void emptyContinuationLinesWarn() {
    List<String> w = LineScanner.scan("RUN a \\\n\n b").warnings();
    assertEquals(List.of("[WARNING]: Empty continuation line found in:\n    RUN a  b",
        "[WARNING]: Empty continuation lines will become errors in a future release."), w);
    assertTrue(LineScanner.scan("RUN a \\\n# c\n b").warnings().isEmpty());
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments("", "file with no instructions"),
        arguments("# only a comment\n\n", "file with no instructions"),
        arguments("# escape=x\nFROM a", "invalid escape token 'x' does not match ` or \\"),
        arguments("# escape=`\n# escape=\\\nFROM a", "only one escape parser directive can be used"),
        arguments("# syntax=a\n# syntax=b\nFROM a", "only one syntax parser directive can be used"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("errors")
  void scanErrors(String content, String message) {
    assertEquals(message, assertThrows(DockerfileException.class, () -> LineScanner.scan(content)).getMessage());
  }
}
