package dev.berth.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuncCliTest {
  private final FakeCommandRunner runner = new FakeCommandRunner();
  private final RuncCli cli = new RuncCli(new RuntimeConfig("runc", Path.of("/usr/sbin/runc"),
      List.of("--debug"), Path.of("/run/berth/runc")), runner);

  @Test
  void everyCallPassesTheSameRootAndArgs() {
    cli.start("c1");
    cli.kill("c1", 10);
    cli.pause("c1");
    cli.resume("c1");
    cli.delete("c1", true);
    cli.update("c1", Path.of("/tmp/r.json"));
    List<String> prefix = List.of("/usr/sbin/runc", "--root=/run/berth/runc", "--debug");
    assertEquals(List.of(
        concat(prefix, "start", "c1"), concat(prefix, "kill", "c1", "10"), concat(prefix, "pause", "c1"),
        concat(prefix, "resume", "c1"), concat(prefix, "delete", "--force", "c1"),
        concat(prefix, "update", "--resources", "/tmp/r.json", "c1")), runner.commands);
  }

  private static List<String> concat(List<String> prefix, String... rest) {
    return java.util.stream.Stream.concat(prefix.stream(), java.util.Arrays.stream(rest)).toList();
  }

  @Test
  void parsesStateAndPs() {
    runner.answer(0, "{\"ociVersion\":\"1.0.2-dev\",\"id\":\"c1\",\"pid\":42,\"status\":\"running\","
        + "\"bundle\":\"/b\",\"rootfs\":\"/b/rootfs\",\"created\":\"2026-01-01T00:00:00Z\",\"owner\":\"\"}", "");
    ContainerState s = cli.state("c1");
    assertEquals(42, s.pid());
    assertTrue(s.isRunning());
    runner.answer(0, "[42,43]\n", "");
    assertEquals(List.of(42, 43), cli.ps("c1"));
    runner.answer(0, "null\n", "");
    assertEquals(List.of(), cli.ps("c1"));
    assertEquals(List.of("ps", "--format", "json", "c1"), runner.last().subList(3, 7));
  }

  @Test
  void deleteOfAnUnknownContainerIsFine() {
    runner.answer(1, "", "time=\"x\" level=error msg=\"container does not exist\"\n");
    cli.delete("gone", false);
  }

  @Test
  void failuresCarryTheRuntimeMessage() {
    runner.answer(1, "", "time=\"x\" level=error msg=\"container does not exist\"\n");
    assertThrows(NoSuchRuntimeContainerException.class, () -> cli.kill("c9", 9));
    runner.answer(1, "", "time=\"x\" level=error msg=\"unable to freeze\"\n");
    OciRuntimeException e = assertThrows(OciRuntimeException.class, () -> cli.pause("c1"));
    assertEquals("unable to freeze", e.runtimeMessage());
  }
}
