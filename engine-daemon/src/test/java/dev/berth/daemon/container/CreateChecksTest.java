package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.LogConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CreateChecksTest {
  private static final Function<String, ContainerRecord> NONE = ref -> {
    throw new NoSuchContainerException(ref);
  };

  private static ContainerConfig withWorkdir(String wd) {
    ContainerConfig.Builder b = ContainerConfig.empty().toBuilder();
    b.workingDir = wd;
    return b.build();
  }

  @Test
  void workingDir_mustBeAbsoluteAndIsCleaned() {
    assertEquals("the working directory 'x/y' is invalid, it needs to be an absolute path",
        assertThrows(InvalidParameterException.class, () -> CreateChecks.config(withWorkdir("x/y"))).getMessage());
    assertEquals("/etc", CreateChecks.config(withWorkdir("/tmp/../etc/")).workingDir());
  }

  @Test
  void missingContainersAreInvalidParameters_notNotFound() {
    HostConfig.Builder b = new HostConfig.Builder();
    b.volumesFrom = List.of("gone:ro");
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> CreateChecks.host(b.build(), Set.of("runc"), NONE));
    assertEquals("No such container: gone", e.getMessage());
    HostConfig.Builder l = new HostConfig.Builder();
    l.links = List.of("/gone:alias");
    assertEquals("could not get container for gone: No such container: gone", assertThrows(
        InvalidParameterException.class, () -> CreateChecks.host(l.build(), Set.of("runc"), NONE)).getMessage());
    assertEquals("No such container: x", assertThrows(InvalidParameterException.class,
        () -> CreateChecks.sharedNamespace("container:x", NONE, true)).getMessage());
    assertEquals("container:x", CreateChecks.sharedNamespace("container:x", NONE, false));
    assertEquals("host", CreateChecks.sharedNamespace("host", NONE, true));
  }

  @Test
  void runtimeLogDriverAndIsolation() {
    HostConfig.Builder r = new HostConfig.Builder();
    r.runtime = "kata";
    assertEquals("unknown or invalid runtime name: kata", assertThrows(InvalidParameterException.class,
        () -> CreateChecks.host(r.build(), Set.of("runc"), NONE)).getMessage());
    HostConfig.Builder d = new HostConfig.Builder();
    d.logConfig = new LogConfig("nosuch", Map.of());
    assertEquals("error looking up logging plugin nosuch: plugin \"nosuch\" not found", assertThrows(
        InvalidParameterException.class, () -> CreateChecks.host(d.build(), Set.of("runc"), NONE)).getMessage());
    HostConfig.Builder i = new HostConfig.Builder();
    i.isolation = "hyperv";
    assertEquals("invalid isolation (hyperv): linux only supports 'default'", assertThrows(
        InvalidParameterException.class, () -> CreateChecks.host(i.build(), Set.of("runc"), NONE)).getMessage());
    HostConfig.Builder ok = new HostConfig.Builder();
    ok.logConfig = new LogConfig("syslog", Map.of());
    ok.isolation = "default";
    CreateChecks.host(ok.build(), Set.of("runc"), NONE);
  }
}
