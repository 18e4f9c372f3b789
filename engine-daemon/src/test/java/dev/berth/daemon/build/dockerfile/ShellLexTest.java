package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellLexTest {
  static final Map<String, String> ENV = Map.of("A", "a", "B", "b", "EMPTY", "", "SPACED", "x y",
      "PORTS", "80 443", "PATH", "/usr/bin", "FILE", "archive.tar.gz", "P", "a/b/c");

  static Stream<Arguments> words() {
    return Stream.of(
        arguments("hello", "hello"),
        arguments("he'll''o'", "hello"),
        arguments("he\\'llo", "he'llo"),
        arguments("abc\\tdef", "abctdef"),
        arguments("\"abc\\tdef\"", "abc\\tdef"),
        arguments("\"abc\\\\tdef\"", "abc\\tdef"),
        arguments("'abc\\tdef'", "abc\\tdef"),
        arguments("hello\\", "hello"),
        arguments("hello\\\\", "hello\\"),
        arguments("\"hel'lo\"", "hel'lo"),
        arguments("'he\"llo'", "he\"llo"),
        arguments("\"\\\"hello\\\"\"", "\"hello\""),
        arguments("$.", "$."),
        arguments("$", "$"),
        arguments("he$1x", "hex"),
        arguments("he$.x", "he$.x"),
        arguments("he$A.", "hea."),
        arguments("$A", "a"),
        arguments("${A}", "a"),
        arguments("${A}b", "ab"),
        arguments("$Ab", ""),
        arguments("$A/$B", "a/b"),
        arguments("${UNSET}", ""),
        arguments("$UNSET", ""),
        arguments("${A:-x}", "a"),
        arguments("${UNSET:-x}", "x"),
        arguments("${EMPTY:-x}", "x"),
        arguments("${EMPTY-x}", ""),
        arguments("${UNSET-x}", "x"),
        arguments("${A-x}", "a"),
        arguments("${A:+x}", "x"),
        arguments("${UNSET:+x}", ""),
        arguments("${EMPTY:+x}", ""),
        arguments("${EMPTY+x}", "x"),
        arguments("${A+x}", "x"),
        arguments("${UNSET:-${A}}", "a"),
        arguments("${UNSET:-$B}", "b"),
        arguments("${UNSET:-'q r'}", "q r"),
        arguments("${UNSET:-a b}", "a b"),
        arguments("${A:?boom}", "a"),
        arguments("'$A'", "$A"),
        arguments("\"$A\"", "a"),
        arguments("\\$A", "$A"),
        arguments("\"\\$A\"", "$A"),
        arguments("\"${A}\"x", "ax"),
        arguments("$SPACED", "x y"),
        arguments("${PATH}:/bin", "/usr/bin:/bin"),
        arguments("\"\"", ""),
        arguments("a=\"hello world\"", "a=hello world"),
        arguments("\"a'b\"'c\"d'", "a'bc\"d"),
        arguments("${A}${B}", "ab"),
        arguments("$$", ""),
        arguments("€$A€", "€a€"),
        arguments("${FILE%.*}", "archive.tar"),
        arguments("${FILE%%.*}", "archive"),
        arguments("${FILE#*.}", "tar.gz"),
        arguments("${FILE##*.}", "gz"),
        arguments("${FILE#archive}", ".tar.gz"),
        arguments("${FILE%.gz}", "archive.tar"),
        arguments("${FILE%.zip}", "archive.tar.gz"),
        arguments("${FILE%}", "archive.tar.gz"),
        arguments("${FILE#?r}", "chive.tar.gz"),
        arguments("${UNSET#x}", ""),
        arguments("${P/\\//-}", "a-b/c"),
        arguments("${P//\\//-}", "a-b-c"),
        arguments("${FILE/tar/zip}", "archive.zip.gz"),
        arguments("${FILE//a/A}", "Archive.tAr.gz"),
        arguments("${FILE/*./}", "gz"),
        arguments("${FILE/x/y}", "archive.tar.gz"),
        arguments("${A:#x}", "a"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("words")
  void processWord(String in, String expected) {
    assertEquals(expected, new ShellLex('\\').processWord(in, ENV));
  }

  static Stream<Arguments> backtick() {
    return Stream.of(
        arguments("a`$A", "a$A"),
        arguments("c:\\path\\to", "c:\\path\\to"),
        arguments("\"`\"q`\"\"", "\"q\""),
        arguments("$A``", "a`"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("backtick")
  void backtickEscape(String in, String expected) {
    assertEquals(expected, new ShellLex('`').processWord(in, ENV));
  }

  static Stream<Arguments> splitting() {
    return Stream.of(
        arguments("$PORTS", List.of("80", "443")),
        arguments("\"$PORTS\"", List.of("80 443")),
        arguments("a \"\" b", List.of("a", "b")),
        arguments("8080 $A", List.of("8080", "a")),
        arguments("'x y' z", List.of("x y", "z")),
        arguments("x\\ y", List.of("x y")),
        arguments("${UNSET}", List.of()),
        arguments("  lead  trail  ", List.of("lead", "trail")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("splitting")
  void processWords(String in, List<String> expected) {
    assertEquals(expected, new ShellLex('\\').processWords(in, ENV));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments("he'llo", "unexpected end of statement while looking for matching single-quote"),
        arguments("he\\\\'llo", "unexpected end of statement while looking for matching single-quote"),
        arguments("\"hello", "unexpected end of statement while looking for matching double-quote"),
        arguments("\"hello\\\"", "unexpected end of statement while looking for matching double-quote"),
        arguments("${A", "unsupported modifier (\uFFFD) in substitution"),
        arguments("${A!x}", "unsupported modifier (!) in substitution"),
        arguments("${P/x", "syntax error: missing '/' in ${}"),
        arguments("${P/x/y", "syntax error: missing '}'"),
        arguments("${FILE#\\x}", "invalid pattern (\\x) in substitution: invalid escape '\\x'"),
        arguments("${", "syntax error: missing '}'"),
        arguments("${}", "syntax error: bad substitution"),
        arguments("${:}", "syntax error: bad substitution"),
        arguments("${{A}", "syntax error: bad substitution"),
        arguments("${A:x}", "unsupported modifier (:x) in substitution"),
        arguments("${A:-x", "syntax error: missing '}'"),
        arguments("${UNSET:?boom}", "UNSET: boom"),
        arguments("${UNSET?}", "UNSET: is not allowed to be unset"),
        arguments("${EMPTY:?}", "EMPTY: is not allowed to be empty"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("errors")
  void errorsAreWrappedWithTheSource(String in, String message) {
    DockerfileException e = assertThrows(DockerfileException.class, () -> new ShellLex('\\').processWord(in, ENV));
    assertEquals("failed to process " + GoQuote.quote(in) + ": " + message, e.getMessage());
  }
}
