package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.runtime.user.TestRootfs;
import dev.berth.runtime.user.UserLookupException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecProcessBuilderTest {
  @TempDir Path rootfs;
  private ContainerRuntimeConfig container;
  private Spec spec;
  private final ExecProcessBuilder exec = new ExecProcessBuilder(TestHosts.VM_BOUNDING);

  @BeforeEach
  void setUp() {
    TestRootfs.create(rootfs);
    container = ContainerRuntimeConfig.builder("c1", rootfs).args("sleep", "1000").hostname("c1")
        .env(List.of("FOO=container", "BAR=1")).user("app").workingDir("/srv")
        .securityOpt(List.of("no-new-privileges")).ulimits(List.of(new Ulimit("nofile", 100, 200))).build();
    spec = new SpecBuilder(TestHosts.defaults(), TestHosts.vm()).build(container);
  }

  @Test
  void inheritsTheContainersProcess() {
    ProcessSpec p = exec.build(spec, container, ExecRequest.of("ps", "aux"));
    assertEquals(List.of("ps", "aux"), p.args());
    assertEquals(List.of("PATH=" + DefaultSpec.PATH_ENV, "HOSTNAME=c1", "FOO=container", "BAR=1"), p.env());
    assertEquals(spec.process().user(), p.user());
    assertEquals("/srv", p.cwd());
    assertEquals(spec.process().capabilities(), p.capabilities());
    assertTrue(p.noNewPrivileges());
    assertEquals(spec.process().rlimits(), p.rlimits());
    assertFalse(p.terminal());
    assertNull(p.consoleSize());
  }

  @Test
  void overridesUserEnvWorkdirTty() {
    ProcessSpec p = exec.build(spec, container, new ExecRequest(List.of("sh"), List.of("FOO=exec", "BAR"), "nobody",
        "/tmp", true, false, new ConsoleSize(24, 80)));
    assertEquals(new User(65534, 65534, null, List.of(65534)), p.user());
    assertEquals(List.of("PATH=" + DefaultSpec.PATH_ENV, "HOSTNAME=c1", "TERM=xterm", "FOO=exec"), p.env());
    assertEquals("/tmp", p.cwd());
    assertTrue(p.terminal());
    assertEquals(new ConsoleSize(24, 80), p.consoleSize());
  }

  @Test
  void processJson_isWrittenForRuncExec(@TempDir Path dir) throws Exception {
    ProcessSpec p = exec.build(spec, container, ExecRequest.of("true"));
    Path file = SpecJson.writeProcess(p, dir.resolve("process.json"));
    String json = java.nio.file.Files.readString(file);
    assertTrue(json.contains("\"args\" : [ \"true\" ]"), json);
    assertTrue(json.contains("\"noNewPrivileges\" : true"), json);
  }

  @Test
  void privileged_getsTheBoundingSet() {
    ProcessSpec p = exec.build(spec, container, new ExecRequest(List.of("sh"), null, null, null, false, true, null));
    assertEquals(TestHosts.VM_BOUNDING.names(), p.capabilities().bounding());
    assertEquals(TestHosts.VM_BOUNDING.names(), p.capabilities().permitted());
  }

  @Test
  void errorsAtCreate() {
    var e = assertThrows(InvalidParameterException.class,
        () -> exec.validate(container, new ExecRequest(List.of(), null, null, null, false, false, null)));
    assertEquals("No exec command specified", e.getMessage());
    assertThrows(UserLookupException.class,
        () -> exec.validate(container, new ExecRequest(List.of("id"), null, "ghost", null, false, false, null)));
  }

  @Test
  void containerWithoutUser_keepsSpecUser() {
    ContainerRuntimeConfig root = ContainerRuntimeConfig.builder("c2", rootfs).args("sh").build();
    Spec rootSpec = new SpecBuilder(TestHosts.defaults(), TestHosts.vm()).build(root);
    assertEquals(new User(0, 0, null, List.of(0, 10)), exec.build(rootSpec, root, ExecRequest.of("id")).user());
    assertEquals("/", exec.build(rootSpec, root, ExecRequest.of("id")).cwd());
  }
}
