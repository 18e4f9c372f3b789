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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileTest {
  static final String MULTI = """
      ARG BASE=busybox
      ARG TAG
      FROM ${BASE}:${TAG:-latest} AS Builder
      RUN make
      FROM scratch AS other
      COPY --from=builder /out /other
      FROM builder AS tests
      RUN make test
      FROM --platform=linux/amd64 alpine
      COPY --from=0 /out /bin/app
      CMD ["app"]
      """;

  @Test
  void splitsMetaArgsAndStages() {
    Dockerfile d = Dockerfile.parse(MULTI);
    assertEquals(2, d.metaArgs().size());
    assertEquals(List.of("builder", "other", "tests", ""), d.stages().stream().map(Stage::name).toList());
    assertEquals(List.of(0, 1, 2, 3), d.stages().stream().map(Stage::index).toList());
    assertEquals(List.of(1, 1, 1, 2), d.stages().stream().map(s -> s.commands().size()).toList());
    Instruction.From last = d.stages().get(3).from();
    assertEquals("linux/amd64", last.platform());
    assertEquals(9, last.lineNumber());
    assertEquals("FROM ${BASE}:${TAG:-latest} AS Builder", d.stages().get(0).from().original());
  }

  @ParameterizedTest(name = "target {0}")
  @CsvSource({"'', 4, 11", "builder, 1, 4", "BUILDER, 1, 4", "other, 2, 6", "tests, 3, 8"})
  void targetKeepsEveryStageUpToIt(String target, int stages, int steps) {
    Dockerfile d = Dockerfile.parse(MULTI);
    List<Stage> selected = d.stagesFor(target);
    assertEquals(stages, selected.size());
    assertEquals(steps, d.totalSteps(selected));
  }

  @Test
  void unknownTargetFailsLikeDockerd() {
    DockerfileException e = assertThrows(DockerfileException.class, () -> Dockerfile.parse(MULTI).stagesFor("nope"));
    assertEquals("failed to reach build target nope in Dockerfile", e.getMessage());
  }

  @Test
  void buildLabelsGoSortedIntoTheLastStageUnexpanded() {
    Dockerfile d = Dockerfile.parse("FROM a\nRUN x\n");
    List<Stage> s = Dockerfile.withBuildLabels(d.stages(), Map.of("z", "$1", "a", "b"));
    List<Instruction> cmds = s.get(0).commands();
    assertEquals(3, cmds.size());
    assertEquals("LABEL a=b", cmds.get(1).original());
    Instruction.Label z = (Instruction.Label) cmds.get(2);
    assertEquals(z, z.expand(new Expansion(new ShellLex('\\'), Map.of("1", "x"))));
    assertEquals(4, d.totalSteps(s));
  }

  static Stream<Arguments> fileErrors() {
    return Stream.of(
        arguments("", "the Dockerfile (Dockerfile) cannot be empty"),
        arguments("# nothing\n", "failed to parse Dockerfile: file with no instructions"),
        arguments("RUN x\nFROM a", "no build stage in current context"),
        arguments("ARG A\nENV B=1\nFROM a", "no build stage in current context"),
        arguments("# escape=x\nFROM a", "failed to parse Dockerfile: invalid escape token 'x' does not match ` or \\"),
        arguments("FROM", "dockerfile parse error on line 1: FROM requires either one or three arguments"),
        arguments("FROM a b", "dockerfile parse error on line 1: FROM requires either one or three arguments"),
        arguments("FROM a AS b c", "dockerfile parse error on line 1: FROM requires either one or three arguments"),
        arguments("FROM a FOR b", "dockerfile parse error on line 1: FROM requires either one or three arguments"),
        arguments("FROM a AS 1st", "dockerfile parse error on line 1: invalid name for build stage: \"1st\", name "
            + "can't start with a number or contain symbols"),
        arguments("FROM a AS b$c", "dockerfile parse error on line 1: invalid name for build stage: \"b$c\", name "
            + "can't start with a number or contain symbols"),
        arguments("FROM --plat=x a", "dockerfile parse error on line 1: unknown flag: plat"),
        arguments("FROM --platfrom=x a", "dockerfile parse error on line 1: unknown flag: platfrom (did you mean "
            + "platform?)"),
        arguments("FROM a\n\n# c\nRUN a \\\n b\nBOGUS", "dockerfile parse error on line 6: unknown instruction: BOGUS"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("fileErrors")
  void fileErrors(String content, String message) {
    assertEquals(message, assertThrows(DockerfileException.class, () -> Dockerfile.parse(content)).getMessage());
  }

  @Test
  void stageNamesAreCaseInsensitiveAndValidated() {
    Dockerfile d = Dockerfile.parse("FROM a AS My-Stage_1.x\nFROM b");
    assertEquals("my-stage_1.x", d.stages().get(0).name());
    assertEquals(0, d.findStage("MY-STAGE_1.X").orElseThrow().index());
  }

  static Map<String, String> metaValues(Dockerfile d, Map<String, String> buildArgs) {
    BuildArgs args = new BuildArgs(buildArgs);
    ShellLex lex = new ShellLex(d.escapeToken());
    for (Instruction.Arg a : d.metaArgs()) {
      Instruction.Arg x = a.expand(new Expansion(lex, args.allowedValues()));
      x.args().forEach(decl -> args.addMetaArg(decl.key(), decl.defaultValue()));
    }
    return args.metaValues();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource({"'', busybox:latest", "TAG=1.36, busybox:1.36", "BASE=alpine, alpine:latest", "TAG=, busybox:latest"})
  void fromExpandsWithMetaArgs(String buildArg, String expected) {
    Dockerfile d = Dockerfile.parse(MULTI);
    Map<String, String> given = buildArg.isEmpty() ? Map.of()
        : Map.of(buildArg.split("=", 2)[0], buildArg.split("=", 2)[1]);
    ShellLex lex = new ShellLex(d.escapeToken());
    assertEquals(expected, d.stages().get(0).from().expand(lex, metaValues(d, given)).baseName());
  }

  @Test
  void metaArgDefaultsMayUseEarlierMetaArgs() {
    Dockerfile d = Dockerfile.parse("ARG V=1\nARG IMG=app:v${V}\nFROM $IMG");
    assertEquals("app:v1", d.stages().get(0).from().expand(new ShellLex('\\'), metaValues(d, Map.of())).baseName());
    assertEquals("app:v2",
        d.stages().get(0).from().expand(new ShellLex('\\'), metaValues(d, Map.of("V", "2"))).baseName());
  }

  @Test
  void blankFromAfterExpansionFails() {
    Instruction.From f = Dockerfile.parse("FROM $NOTHING").stages().get(0).from();
    assertEquals("base name ($NOTHING) should not be blank",
        assertThrows(DockerfileException.class, () -> f.expand(new ShellLex('\\'), Map.of())).getMessage());
  }

  @Test
  void onbuildTriggersParseLater() {
    assertEquals(new Instruction.Run(1, "RUN make", new CommandLine(List.of("make"), true), List.of()),
        Dockerfile.parseTrigger("RUN make"));
    assertEquals("unknown instruction: XYZZY", assertThrows(DockerfileException.class,
        () -> Dockerfile.parseTrigger("XYZZY x")).getMessage());
  }

  @Test
  void syntaxAndWarningsAreExposed() {
    Dockerfile d = Dockerfile.parse("# syntax=docker/dockerfile:1\nFROM a\nRUN a \\\n\n b\n");
    assertEquals("docker/dockerfile:1", d.syntax().orElseThrow());
    assertEquals(2, d.warnings().size());
  }

  @Test
  void backtickEscapeFlowsIntoTheDockerfile() {
    Dockerfile d = Dockerfile.parse("# escape=`\nFROM a\nRUN dir c:\\ `\n  && echo\nENV P=c:\\x");
    assertEquals('`', d.escapeToken());
    assertEquals(new CommandLine(List.of("dir c:\\   && echo"), true),
        ((Instruction.Run) d.stages().get(0).commands().get(0)).command());
    Instruction env = d.stages().get(0).commands().get(1).expand(new Expansion(new ShellLex('`'), Map.of()));
    assertEquals("c:\\x", ((Instruction.Env) env).pairs().get(0).value());
  }

  @Test
  void realWorldDockerfile() {
    Dockerfile d = Dockerfile.parse("""
        # syntax=docker/dockerfile:1
        ARG VERSION=1.0

        FROM busybox:frozen AS base
        LABEL org.opencontainers.image.title="demo app" \\
              org.opencontainers.image.version=${VERSION}
        ARG VERSION
        ENV APP_HOME=/opt/app \\
            PATH=/opt/app/bin:$PATH
        WORKDIR $APP_HOME
        COPY --chown=1000:1000 bin/ ./bin/
        ADD rootfs.tar.gz /
        RUN set -eux; \\
            # create the user
            adduser -D -u 1000 app; \\
            \\
            chmod +x bin/*
        USER app
        EXPOSE 8080/tcp 9090
        VOLUME ["/data"]
        HEALTHCHECK --interval=30s --timeout=3s \\
          CMD wget -qO- http://localhost:8080/health || exit 1
        STOPSIGNAL SIGQUIT
        ENTRYPOINT ["/opt/app/bin/start"]
        CMD ["--port", "8080"]
        """);
    assertEquals(1, d.metaArgs().size());
    Stage s = d.stages().get(0);
    assertEquals(14, s.commands().size());
    assertEquals(14 + 2, d.totalSteps(d.stages()));
    Instruction.Run run = (Instruction.Run) s.commands().get(6);
    assertEquals(13, run.lineNumber());
    assertEquals(List.of("/bin/sh", "-c", "set -eux;     adduser -D -u 1000 app;         chmod +x bin/*"),
        run.command().resolve(CommandLine.DEFAULT_SHELL));
    Instruction.Label label = (Instruction.Label) s.commands().get(0).expand(
        new Expansion(new ShellLex('\\'), Map.of("VERSION", "1.0")));
    assertEquals(List.of(new Instruction.KeyValue("org.opencontainers.image.title", "demo app"),
        new Instruction.KeyValue("org.opencontainers.image.version", "1.0")), label.labels());
    Instruction.Healthcheck hc = (Instruction.Healthcheck) s.commands().get(10);
    assertEquals(List.of("CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"), hc.health().test());
    assertEquals(List.of(), d.warnings());
  }
}
