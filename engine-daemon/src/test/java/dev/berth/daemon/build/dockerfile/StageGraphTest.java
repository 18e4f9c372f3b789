package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageGraphTest {
  static final String FILE = """
      ARG BASE=deps
      FROM alpine AS deps
      FROM golang AS build
      COPY --from=deps /a /a
      FROM ${BASE} AS test
      FROM scratch AS unrelated
      COPY --from=busybox:latest /bin/sh /sh
      FROM alpine AS final
      COPY --from=1 /out /out
      COPY --from=FINAL /x /y
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"deps|0", "build|0,1", "test|0,2", "unrelated|3", "final|0,1,4"})
  void neededStages(String target, String expected) {
    Dockerfile d = Dockerfile.parse(FILE);
    List<Integer> want = Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
    assertEquals(want, StageGraph.neededStages(d, d.findStage(target).orElseThrow(), Map.of("BASE", "deps")));
  }

  @Test
  void classicBuilderStillBuildsEveryStageUpToTheTarget() {
    Dockerfile d = Dockerfile.parse(FILE);
    assertEquals(5, d.stagesFor("final").size());
    assertEquals(4, d.stagesFor("unrelated").size());
  }

  @Test
  void classicBuilderRejectsBuildKitOnlyRunOptionsAtDispatch_butAppliesChmod() {
    Dockerfile d = Dockerfile.parse("""
        FROM a
        RUN --mount=type=cache,target=/root/.cache make
        RUN --network=host make
        COPY --chmod=644 a /b
        ADD --chmod=644 a /b
        COPY --link a /b
        RUN make
        """);
    List<Instruction> cmds = d.stages().get(0).commands();
    String tail = " option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build "
        + "images with BuildKit enabled";
    assertEquals("the --mount" + tail, assertThrows(DockerfileException.class,
        () -> ClassicBuilderSupport.check(cmds.get(0))).getMessage());
    assertEquals("the --network" + tail, assertThrows(DockerfileException.class,
        () -> ClassicBuilderSupport.check(cmds.get(1))).getMessage());
    ClassicBuilderSupport.check(cmds.get(2));
    ClassicBuilderSupport.check(cmds.get(3));
    ClassicBuilderSupport.check(cmds.get(4));
    ClassicBuilderSupport.check(cmds.get(5));
  }
}
