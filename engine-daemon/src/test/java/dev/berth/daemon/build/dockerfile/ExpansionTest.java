package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which instructions the classic builder expands, and how. */
class ExpansionTest {
  static final Expansion X = new Expansion(new ShellLex('\\'),
      Map.of("DIR", "/app", "USR", "app", "PORTS", "80 443/udp", "V", "1.0", "SIG", "SIGINT", "SPACED", "a b",
          "FILE", "f.txt"));

  static Stream<Arguments> expanded() {
    return Stream.of(
        arguments("ENV A=$DIR B=\"${V} x\" C='$V'", new Instruction.Env(2, "ENV A=$DIR B=\"${V} x\" C='$V'",
            List.of(kv("A", "/app"), kv("B", "1.0 x"), kv("C", "$V")))),
        arguments("ENV $USR=x", new Instruction.Env(2, "ENV $USR=x", List.of(kv("app", "x")))),
        arguments("ENV PATH $DIR/bin:$PATH", new Instruction.Env(2, "ENV PATH $DIR/bin:$PATH",
            List.of(kv("PATH", "/app/bin:")))),
        arguments("LABEL version=$V \"d e\"=\"$SPACED\"", new Instruction.Label(2,
            "LABEL version=$V \"d e\"=\"$SPACED\"", List.of(kv("version", "1.0"), kv("d e", "a b")), false)),
        arguments("WORKDIR ${DIR}/src", new Instruction.Workdir(2, "WORKDIR ${DIR}/src", "/app/src")),
        arguments("USER ${USR}:${GRP:-$USR}", new Instruction.User(2, "USER ${USR}:${GRP:-$USR}", "app:app")),
        arguments("STOPSIGNAL $SIG", new Instruction.StopSignal(2, "STOPSIGNAL $SIG", "SIGINT")),
        arguments("EXPOSE $PORTS 8080", new Instruction.Expose(2, "EXPOSE $PORTS 8080",
            List.of("80", "443/udp", "8080"))),
        arguments("VOLUME $DIR/data \\$DIR", new Instruction.Volume(2, "VOLUME $DIR/data \\$DIR",
            List.of("/app/data", "$DIR"))),
        arguments("VOLUME [\"$DIR\"]", new Instruction.Volume(2, "VOLUME [\"$DIR\"]", List.of("/app"))),
        arguments("COPY --chown=$USR:$USR $FILE ${DIR}/", new Instruction.Copy(2,
            "COPY --chown=$USR:$USR $FILE ${DIR}/", List.of("f.txt"), "/app/", "", "app:app", "", false)),
        arguments("COPY --from=$USR a b", new Instruction.Copy(2, "COPY --from=$USR a b", List.of("a"), "b", "$USR",
            "", "", false)),
        arguments("ADD [\"$FILE\", \"$DIR\"]", new Instruction.Add(2, "ADD [\"$FILE\", \"$DIR\"]", List.of("f.txt"),
            "/app", "", "", false, "", false)),
        arguments("ARG X=$V Y", new Instruction.Arg(2, "ARG X=$V Y", List.of(
            new Instruction.ArgDecl("X", java.util.Optional.of("1.0")),
            new Instruction.ArgDecl("Y", java.util.Optional.empty())))));
  }

  private static Instruction.KeyValue kv(String k, String v) {
    return new Instruction.KeyValue(k, v);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expanded")
  void expands(String line, Instruction expected) {
    assertEquals(expected, InstructionParserTest.second(line).expand(X));
  }

  static Stream<Arguments> notExpanded() {
    return Stream.of(
        arguments("RUN echo $DIR"),
        arguments("CMD [\"echo\", \"$DIR\"]"),
        arguments("ENTRYPOINT $DIR/run"),
        arguments("SHELL [\"$DIR\"]"),
        arguments("ONBUILD RUN echo $DIR"),
        arguments("HEALTHCHECK CMD test -f $FILE"),
        arguments("MAINTAINER $USR"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notExpanded")
  void leftAsWritten(String line) {
    Instruction i = InstructionParserTest.second(line);
    assertEquals(i, i.expand(X));
  }

  @Test
  void expansionErrorsAreReported() {
    Instruction i = InstructionParserTest.second("WORKDIR ${DIR:-x");
    assertEquals("failed to process \"${DIR:-x\": syntax error: missing '}'",
        assertThrows(DockerfileException.class, () -> i.expand(X)).getMessage());
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @org.junit.jupiter.params.provider.CsvSource({"'', /app, /app", "/, app, /app", "/a, b/c, /a/b/c", "/a, ../b, /b",
      "/a, /x/./y/, /x/./y/", "/a/b, .., /a", "'', ., /", "/a, //b, //b"}) // absolute: kept as written
  void workdirResolvesAgainstTheCurrentOne(String current, String requested, String expected) {
    assertEquals(expected, new Instruction.Workdir(1, "WORKDIR " + requested, requested).resolve(current));
  }

  @Test
  void commandLineResolvesShellForm() {
    assertEquals(List.of("/bin/sh", "-c", "echo hi"), new CommandLine(List.of("echo hi"), true).resolve(List.of()));
    assertEquals(List.of("/bin/bash", "-eo", "pipefail", "-c", "echo hi"),
        new CommandLine(List.of("echo hi"), true).resolve(List.of("/bin/bash", "-eo", "pipefail", "-c")));
    assertEquals(List.of("echo", "hi"), new CommandLine(List.of("echo", "hi"), false).resolve(List.of("/bin/bash")));
    assertEquals(List.of(), new CommandLine(List.of(), false).resolve(CommandLine.DEFAULT_SHELL));
  }
}
