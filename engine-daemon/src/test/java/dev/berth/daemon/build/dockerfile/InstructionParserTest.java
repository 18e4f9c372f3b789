package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.berth.daemon.build.dockerfile.Instruction.ArgDecl;
import dev.berth.daemon.build.dockerfile.Instruction.Health;
import dev.berth.daemon.build.dockerfile.Instruction.KeyValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstructionParserTest {

  /** The single instruction after "FROM base". */
  static Instruction second(String line) {
    return Dockerfile.parse("FROM base\n" + line).stages().get(0).commands().get(0);
  }

  private static CommandLine shell(String cmd) {
    return new CommandLine(List.of(cmd), true);
  }

  private static CommandLine exec(String... args) {
    return new CommandLine(List.of(args), false);
  }

  private static KeyValue kv(String k, String v) {
    return new KeyValue(k, v);
  }

  static Stream<Arguments> instructions() {
    return Stream.of(
        arguments("RUN echo hi", new Instruction.Run(2, "RUN echo hi", shell("echo hi"), List.of())),
        arguments("run   echo  hi  ", new Instruction.Run(2, "run   echo  hi", shell("echo  hi"), List.of())),
        arguments("RUN [\"echo\", \"hi\"]", new Instruction.Run(2, "RUN [\"echo\", \"hi\"]", exec("echo", "hi"),
            List.of())),
        arguments("RUN [\"echo\", \"hi\"] trailing", new Instruction.Run(2, "RUN [\"echo\", \"hi\"] trailing",
            exec("echo", "hi"), List.of())),
        arguments("RUN [echo, hi]", new Instruction.Run(2, "RUN [echo, hi]", shell("[echo, hi]"), List.of())),
        arguments("RUN ['echo']", new Instruction.Run(2, "RUN ['echo']", shell("['echo']"), List.of())),
        arguments("RUN []", new Instruction.Run(2, "RUN []", exec(), List.of())),
        arguments("RUN --mount=type=cache,target=/x make", new Instruction.Run(2,
            "RUN --mount=type=cache,target=/x make", shell("make"), List.of("mount"))),
        arguments("RUN --network=none --mount=a make", new Instruction.Run(2, "RUN --network=none --mount=a make",
            shell("make"), List.of("network", "mount"))),
        arguments("CMD [\"sh\"]", new Instruction.Cmd(2, "CMD [\"sh\"]", exec("sh"))),
        arguments("CMD echo $HOME", new Instruction.Cmd(2, "CMD echo $HOME", shell("echo $HOME"))),
        arguments("ENTRYPOINT [\"/bin/app\", \"-v\"]", new Instruction.Entrypoint(2,
            "ENTRYPOINT [\"/bin/app\", \"-v\"]", exec("/bin/app", "-v"))),
        arguments("ENTRYPOINT []", new Instruction.Entrypoint(2, "ENTRYPOINT []", exec())),
        arguments("ENTRYPOINT", new Instruction.Entrypoint(2, "ENTRYPOINT", exec())),
        arguments("ENV A=1", new Instruction.Env(2, "ENV A=1", List.of(kv("A", "1")))),
        arguments("ENV A=1 B=\"two words\" C=x\\ y", new Instruction.Env(2, "ENV A=1 B=\"two words\" C=x\\ y",
            List.of(kv("A", "1"), kv("B", "\"two words\""), kv("C", "x\\ y")))),
        arguments("ENV A 1 2  3", new Instruction.Env(2, "ENV A 1 2  3", List.of(kv("A", "1 2  3")))),
        arguments("ENV A=", new Instruction.Env(2, "ENV A=", List.of(kv("A", "")))),
        arguments("ENV A=a=b", new Instruction.Env(2, "ENV A=a=b", List.of(kv("A", "a=b")))),
        arguments("LABEL a=b \"c d\"=\"e f\"", new Instruction.Label(2, "LABEL a=b \"c d\"=\"e f\"",
            List.of(kv("a", "b"), kv("\"c d\"", "\"e f\"")), false)),
        arguments("LABEL version 1.0", new Instruction.Label(2, "LABEL version 1.0", List.of(kv("version", "1.0")),
            false)),
        arguments("ARG A", new Instruction.Arg(2, "ARG A", List.of(new ArgDecl("A", Optional.empty())))),
        arguments("ARG A=1 B= C=\"x y\"", new Instruction.Arg(2, "ARG A=1 B= C=\"x y\"", List.of(
            new ArgDecl("A", Optional.of("1")), new ArgDecl("B", Optional.of("")),
            new ArgDecl("C", Optional.of("\"x y\""))))),
        arguments("EXPOSE 8080 80/udp 443", new Instruction.Expose(2, "EXPOSE 8080 80/udp 443",
            List.of("443", "80/udp", "8080"))),
        arguments("VOLUME /data", new Instruction.Volume(2, "VOLUME /data", List.of("/data"))),
        arguments("VOLUME /a /b", new Instruction.Volume(2, "VOLUME /a /b", List.of("/a", "/b"))),
        arguments("VOLUME [\"/a\", \"/b c\"]", new Instruction.Volume(2, "VOLUME [\"/a\", \"/b c\"]",
            List.of("/a", "/b c"))),
        arguments("USER app:app", new Instruction.User(2, "USER app:app", "app:app")),
        arguments("WORKDIR /my dir", new Instruction.Workdir(2, "WORKDIR /my dir", "/my dir")),
        arguments("STOPSIGNAL SIGTERM", new Instruction.StopSignal(2, "STOPSIGNAL SIGTERM", "SIGTERM")),
        arguments("MAINTAINER Jane <j@x.org>", new Instruction.Maintainer(2, "MAINTAINER Jane <j@x.org>",
            "Jane <j@x.org>")),
        arguments("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", new Instruction.Shell(2,
            "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", List.of("/bin/bash", "-o", "pipefail", "-c"))),
        arguments("COPY a b /dst/", new Instruction.Copy(2, "COPY a b /dst/", List.of("a", "b"), "/dst/", "", "",
            "", false)),
        arguments("COPY --from=builder --chown=1:2 /out /app", new Instruction.Copy(2,
            "COPY --from=builder --chown=1:2 /out /app", List.of("/out"), "/app", "builder", "1:2", "", false)),
        arguments("COPY --link --chmod=755 a /b", new Instruction.Copy(2, "COPY --link --chmod=755 a /b",
            List.of("a"), "/b", "", "", "755", true)),
        arguments("COPY --from=\"0\" a /b", new Instruction.Copy(2, "COPY --from=\"0\" a /b", List.of("a"), "/b",
            "0", "", "", false)),
        arguments("COPY [\"a b\", \"/c d/\"]", new Instruction.Copy(2, "COPY [\"a b\", \"/c d/\"]",
            List.of("a b"), "/c d/", "", "", "", false)),
        arguments("ADD --chown=app https://x/y.tgz /opt/", new Instruction.Add(2,
            "ADD --chown=app https://x/y.tgz /opt/", List.of("https://x/y.tgz"), "/opt/", "app", "", false, "",
            false)),
        arguments("ONBUILD RUN make", new Instruction.Onbuild(2, "ONBUILD RUN make", "RUN make")),
        arguments("onbuild   COPY . /src", new Instruction.Onbuild(2, "onbuild   COPY . /src", "COPY . /src")),
        arguments("HEALTHCHECK NONE", new Instruction.Healthcheck(2, "HEALTHCHECK NONE", new Health(List.of("NONE"),
            Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0))),
        arguments("HEALTHCHECK CMD curl -f http://localhost/", new Instruction.Healthcheck(2,
            "HEALTHCHECK CMD curl -f http://localhost/", new Health(List.of("CMD-SHELL", "curl -f http://localhost/"),
            Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0))),
        arguments("HEALTHCHECK --interval=5s --timeout=1m30s --start-period=1.5s --start-interval=100ms "
            + "--retries=3 CMD [\"/ok\"]", new Instruction.Healthcheck(2, "HEALTHCHECK --interval=5s "
            + "--timeout=1m30s --start-period=1.5s --start-interval=100ms --retries=3 CMD [\"/ok\"]",
            new Health(List.of("CMD", "/ok"), Duration.ofSeconds(5), Duration.ofSeconds(90),
                Duration.ofMillis(1500), Duration.ofMillis(100), 3))),
        arguments("healthcheck --interval=0s cmd true", new Instruction.Healthcheck(2,
            "healthcheck --interval=0s cmd true", new Health(List.of("CMD-SHELL", "true"), Duration.ZERO,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, 0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instructions")
  void parses(String line, Instruction expected) {
    assertEquals(expected, second(line));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments("XYZZY bar", "unknown instruction: XYZZY"),
        arguments("xyzzy bar", "unknown instruction: xyzzy"),
        arguments("FOO bar", "unknown instruction: FOO (did you mean FROM?)"),
        arguments("foo bar", "unknown instruction: foo (did you mean from?)"),
        arguments("RUNN make", "unknown instruction: RUNN (did you mean RUN?)"),
        arguments("cop a b", "unknown instruction: cop (did you mean copy?)"),
        arguments("Frm x", "unknown instruction: Frm (did you mean from?)"),
        arguments("RUN --foo make", "unknown flag: foo"),
        arguments("RUN --mountt=x make", "unknown flag: mountt (did you mean mount?)"),
        arguments("COPY --from a b", "missing a value on flag: from"),
        arguments("COPY --from=a --from=b c d", "duplicate flag specified: from"),
        arguments("COPY --link=maybe a b", "expecting boolean value for flag link, not: maybe"),
        arguments("COPY --link= a b", "missing a value on flag: link"),
        arguments("COPY a", "COPY requires at least two arguments, but only one was provided. Destination could "
            + "not be determined"),
        arguments("ADD a", "ADD requires at least two arguments, but only one was provided. Destination could "
            + "not be determined"),
        arguments("ENV", "ENV requires at least one argument"),
        arguments("LABEL", "LABEL requires at least one argument"),
        arguments("ARG", "ARG requires at least one argument"),
        arguments("ARG =x", "ARG names can not be blank"),
        arguments("ENV =x", "ENV names can not be blank"),
        arguments("EXPOSE", "EXPOSE requires at least one argument"),
        arguments("VOLUME", "VOLUME requires at least one argument"),
        arguments("VOLUME [\"\"]", "VOLUME specified can not be an empty string"),
        arguments("USER", "USER requires exactly one argument"),
        arguments("WORKDIR", "WORKDIR requires exactly one argument"),
        arguments("STOPSIGNAL", "STOPSIGNAL requires exactly one argument"),
        arguments("MAINTAINER", "MAINTAINER requires exactly one argument"),
        arguments("ONBUILD", "ONBUILD requires at least one argument"),
        arguments("ONBUILD ONBUILD RUN x", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
        arguments("ONBUILD FROM x", "FROM isn't allowed as an ONBUILD trigger"),
        arguments("ONBUILD maintainer me", "MAINTAINER isn't allowed as an ONBUILD trigger"),
        arguments("SHELL /bin/bash -c", "SHELL requires the arguments to be in JSON form"),
        arguments("SHELL []", "SHELL requires at least one argument"),
        arguments("SHELL", "SHELL requires at least one argument"),
        arguments("HEALTHCHECK", "HEALTHCHECK requires at least one argument"),
        arguments("HEALTHCHECK NONE x", "HEALTHCHECK NONE takes no arguments"),
        arguments("HEALTHCHECK CMD", "Missing command after HEALTHCHECK CMD"),
        arguments("HEALTHCHECK CMD []", "Missing command after HEALTHCHECK CMD"),
        arguments("HEALTHCHECK RUN x", "Unknown type \"RUN\" in HEALTHCHECK (try CMD)"),
        arguments("HEALTHCHECK --interval=1us CMD x", "Interval \"interval\" cannot be less than 1ms"),
        arguments("HEALTHCHECK --timeout=-1s CMD x", "Interval \"timeout\" cannot be less than 1ms"),
        arguments("HEALTHCHECK --interval=5 CMD x", "time: missing unit in duration \"5\""),
        arguments("HEALTHCHECK --interval=5x CMD x", "time: unknown unit \"x\" in duration \"5x\""),
        arguments("HEALTHCHECK --interval=abc CMD x", "time: invalid duration \"abc\""),
        arguments("HEALTHCHECK --retries=-1 CMD x", "--retries cannot be negative (-1)"),
        arguments("HEALTHCHECK --retries=x CMD x", "strconv.ParseInt: parsing \"x\": invalid syntax"),
        arguments("HEALTHCHECK --foo=1 CMD x", "unknown flag: foo"),
        arguments("CMD --x=1 a", "unknown flag: x"),
        arguments("COPY --parents a/b /c", "the --parents option requires BuildKit. Refer to "
            + "https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled"),
        arguments("ADD --exclude=*.md . /c", "the --exclude option requires BuildKit. Refer to "
            + "https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled"),
        arguments("RUN <<EOF", "heredoc syntax (<<EOF) requires BuildKit. Refer to "
            + "https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled"),
        arguments("COPY <<-'EOT' /x", "heredoc syntax (<<-'EOT') requires BuildKit. Refer to "
            + "https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("errors")
  void errorsCarryTheLineNumber(String line, String message) {
    DockerfileException e = assertThrows(DockerfileException.class, () -> Dockerfile.parse("FROM base\n" + line));
    assertEquals("dockerfile parse error on line 2: " + message, e.getMessage());
  }

  static Stream<Arguments> parserErrors() {
    return Stream.of(
        arguments("ENV A", "ENV must have two arguments"),
        arguments("LABEL a", "LABEL must have two arguments"),
        arguments("ENV A=1 B", "Syntax error - can't find = in \"B\". Must be of the form: name=value"),
        arguments("RUN [\"a\", 1]", LineParsers.NOT_STRING_ARRAY),
        arguments("CMD [null]", LineParsers.NOT_STRING_ARRAY),
        arguments("COPY [\"a\", true]", LineParsers.NOT_STRING_ARRAY));
  }

  /** Errors of buildkit's line parsers surface as "failed to parse Dockerfile: …" without a line number. */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("parserErrors")
  void lineParserErrors(String line, String message) {
    DockerfileException e = assertThrows(DockerfileException.class, () -> Dockerfile.parse("FROM base\n" + line));
    assertEquals("failed to parse Dockerfile: " + message, e.getMessage());
  }

  static Stream<Arguments> heredocLookalikes() {
    return Stream.of(
        arguments("RUN echo $((1<<2))"),
        arguments("RUN cat <<< word"),
        arguments("RUN echo a << b"),
        arguments("RUN [\"sh\", \"-c\", \"cat <<EOF\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("heredocLookalikes")
  void notEveryDoubleLessThanIsAHeredoc(String line) {
    assertEquals(Instruction.Run.class, second(line).getClass());
  }
}
