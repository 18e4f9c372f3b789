package dev.berth.daemon.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.api.model.container.ContainerConfig;
import dev.berth.daemon.build.dockerfile.Dockerfile;
import dev.berth.daemon.build.dockerfile.Instruction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataStepTest {
  private static Instruction one(String line) {
    return Dockerfile.parse("FROM scratch\n" + line + "\n").stages().get(0).commands().get(0);
  }

  private static MetadataStep.Result apply(String line, ContainerConfig c) {
    return MetadataStep.apply(one(line), c, false);
  }

  @Test
  void env_replacesExistingKeys_andRecordsComment() {
    ContainerConfig c = ContainerConfig.empty().toBuilder().build();
    ContainerConfig.Builder b = c.toBuilder();
    b.env = List.of("PATH=/bin", "A=0");
    MetadataStep.Result r = apply("ENV A=1 B=2", b.build());
    assertEquals(List.of("PATH=/bin", "A=1", "B=2"), r.config().env());
    assertEquals("ENV A=1 B=2", r.comment());
  }

  @Test
  void cmdAndEntrypoint_followTheClassicRules() {
    MetadataStep.Result cmd = apply("CMD [\"cat\",\"/hello\"]", ContainerConfig.empty());
    assertEquals(List.of("cat", "/hello"), cmd.config().cmd());
    assertEquals("CMD [\"cat\" \"/hello\"]", cmd.comment());
    assertEquals(List.of("/bin/sh", "-c", "echo hi"), apply("CMD echo hi", ContainerConfig.empty()).config().cmd());
    MetadataStep.Result ep = MetadataStep.apply(one("ENTRYPOINT [\"x\"]"), cmd.config(), false);
    assertNull(ep.config().cmd());
    assertEquals(List.of("cat", "/hello"), MetadataStep.apply(one("ENTRYPOINT [\"x\"]"), cmd.config(), true)
        .config().cmd());
  }

  @Test
  void workdirExposeVolumeLabelUser() {
    ContainerConfig c = apply("WORKDIR /a", ContainerConfig.empty()).config();
    assertEquals("/a/b", apply("WORKDIR b", c).config().workingDir());
    assertEquals(Map.of("80/tcp", Map.of(), "53/udp", Map.of()),
        apply("EXPOSE 80 53/udp", c).config().exposedPorts());
    assertEquals(List.of("8000/tcp", "8001/tcp"), MetadataStep.ports("8000-8001"));
    assertEquals(Map.of("/data", Map.of()), apply("VOLUME /data", c).config().volumes());
    assertEquals(Map.of("k", "v"), apply("LABEL k=v", c).config().labels());
    assertEquals("app", apply("USER app", c).config().user());
    assertEquals("SIGKILL", apply("STOPSIGNAL SIGKILL", c).config().stopSignal());
  }

  @Test
  void shellChangesTheShellFormOfLaterCommands() {
    ContainerConfig c = apply("SHELL [\"/bin/bash\", \"-c\"]", ContainerConfig.empty()).config();
    assertEquals(List.of("/bin/bash", "-c", "echo"), apply("CMD echo", c).config().cmd());
  }

  @Test
  void historyComments_useTheShellInEffectAndDockerdsFormats() {
    ContainerConfig c = apply("SHELL [\"/bin/sh\", \"-ec\"]", ContainerConfig.empty()).config();
    assertEquals("/bin/sh -ec #(nop)  MAINTAINER me", MetadataStep.nopComment(c, "MAINTAINER me"));
    assertEquals("/bin/sh -c #(nop) WORKDIR /app", MetadataStep.nopCommentString(ContainerConfig.empty(),
        "WORKDIR /app"));
    assertEquals("EXPOSE 8080 9090/udp", apply("EXPOSE 8080 9090/udp", c).comment());
  }

  @Test
  void healthcheckComment_isGosQuotedHealthConfig() {
    assertEquals("HEALTHCHECK &{[\"CMD-SHELL\" \"cat /a || exit 1\"] \"5s\" \"1m30s\" \"1.5s\" \"0s\" '\\x02'}",
        apply("HEALTHCHECK --interval=5s --timeout=90s --start-period=1500ms --retries=2 CMD cat /a || exit 1",
            ContainerConfig.empty()).comment());
    assertEquals("HEALTHCHECK &{[\"NONE\"] \"0s\" \"0s\" \"0s\" \"0s\" '\\x00'}",
        apply("HEALTHCHECK NONE", ContainerConfig.empty()).comment());
  }

  @Test
  void workdir_keepsAbsolutePathsAsWritten_andCleansRelativeJoins() {
    assertEquals("/app/", apply("WORKDIR /app/", ContainerConfig.empty()).config().workingDir());
    assertEquals("/a/../b", apply("WORKDIR /a/../b", ContainerConfig.empty()).config().workingDir());
    ContainerConfig c = apply("WORKDIR /x", ContainerConfig.empty()).config();
    assertEquals("/x/rel", apply("WORKDIR rel/", c).config().workingDir());
    assertEquals("/y", apply("WORKDIR ../y", c).config().workingDir());
  }
}
