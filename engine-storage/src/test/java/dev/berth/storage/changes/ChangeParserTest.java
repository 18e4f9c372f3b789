package dev.berth.storage.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.ContainerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeParserTest {
  private static ContainerConfig apply(String... changes) {
    return ChangeParser.apply(ContainerConfig.empty(), List.of(changes));
  }

  @Test
  void cmdExecAndShellForms() {
    assertEquals(List.of("sh"), apply("CMD [\"sh\"]").cmd());
    assertEquals(List.of("/bin/sh", "-c", "sh -c x"), apply("CMD sh -c x").cmd());
    assertEquals(List.of("/bin/sh", "-c", "[not json"), apply("cmd [not json").cmd());
  }

  @Test
  void entrypointResetsCmdUnlessCmdWasSetBefore() {
    ContainerConfig base = apply("CMD [\"a\"]");
    ContainerConfig c = ChangeParser.apply(base, List.of("ENTRYPOINT [\"/init\"]"));
    assertEquals(List.of("/init"), c.entrypoint());
    assertNull(c.cmd());
    ContainerConfig both = apply("CMD [\"a\"]", "ENTRYPOINT /init");
    assertEquals(List.of("a"), both.cmd());
    assertEquals(List.of("/bin/sh", "-c", "/init"), both.entrypoint());
  }

  @Test
  void envForms_andExpansion() {
    ContainerConfig c = apply("ENV a=b", "ENV c d e", "ENV x=\"with space\" y=${a}-$c", "ENV a=z");
    assertEquals(List.of("a=z", "c=d e", "x=with space", "y=b-d e"), c.env());
  }

  @Test
  void exposeLabelsUserVolumeWorkdirStopsignalOnbuild() {
    ContainerConfig c = apply("EXPOSE 80/tcp 53/udp 8000-8001", "LABEL a=b \"c d\"=e", "LABEL legacy value here",
        "USER nobody", "VOLUME [\"/data\", \"/logs\"]", "VOLUME /more", "WORKDIR /app", "WORKDIR sub/..//x",
        "STOPSIGNAL SIGUSR1", "ONBUILD RUN echo hi");
    assertEquals(Map.of("80/tcp", Map.of(), "53/udp", Map.of(), "8000/tcp", Map.of(), "8001/tcp", Map.of()),
        c.exposedPorts());
    assertEquals(Map.of("a", "b", "c d", "e", "legacy", "value here"), c.labels());
    assertEquals("nobody", c.user());
    assertEquals(Map.of("/data", Map.of(), "/logs", Map.of(), "/more", Map.of()), c.volumes());
    assertEquals("/app/x", c.workingDir());
    assertEquals("SIGUSR1", c.stopSignal());
    assertEquals(List.of("RUN echo hi"), c.onBuild());
  }

  @Test
  void healthcheck() {
    var h = apply("HEALTHCHECK --interval=5s --retries=3 CMD [\"true\"]").healthcheck();
    assertEquals(List.of("CMD", "true"), h.test());
    assertEquals(5_000_000_000L, h.interval());
    assertEquals(3, h.retries());
    assertEquals(List.of("CMD-SHELL", "curl -f x || exit 1"), apply("HEALTHCHECK CMD curl -f x || exit 1")
        .healthcheck().test());
    assertEquals(List.of("NONE"), apply("HEALTHCHECK NONE").healthcheck().test());
  }

  @Test
  void continuationsAndComments() {
    assertEquals(List.of("/bin/sh", "-c", "echo a   b"), apply("# comment\nCMD echo a \\\n  b").cmd());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "RUN echo hi            | run is not a valid change command",
      "FROM busybox           | from is not a valid change command",
      "COPY a b               | copy is not a valid change command",
      "ENV onlykey            | ENV must have two arguments",
      "EXPOSE nope            | invalid containerPort: nope",
      "STOPSIGNAL SIGNOPE     | Invalid signal: SIGNOPE",
      "ONBUILD ONBUILD RUN x  | Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
      "ONBUILD FROM x         | FROM isn't allowed as an ONBUILD trigger",
  })
  void rejectsLikeDockerd(String change, String message) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> apply(change));
    assertEquals(message, e.getMessage());
  }

  @Test
  void noChanges_keepsTheConfig() {
    ContainerConfig base = ContainerConfig.empty();
    assertEquals(base, ChangeParser.apply(base, List.of()));
  }
}
