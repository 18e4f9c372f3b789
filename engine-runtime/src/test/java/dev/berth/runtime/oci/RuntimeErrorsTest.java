package dev.berth.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.berth.api.errors.ConflictException;
import org.junit.jupiter.api.Test;

class RuntimeErrorsTest {
  private static final String RUNC_NOT_FOUND = "time=\"2026-11-22T08:00:43Z\" level=error msg=\"runc create failed: "
      + "unable to start container process: exec: \\\"nosuch\\\": executable file not found in $PATH\"\n";

  @Test
  void extractsTheLogrusMessage() {
    assertEquals("runc create failed: unable to start container process: exec: \"nosuch\": executable file not "
        + "found in $PATH", RuntimeErrors.message(RUNC_NOT_FOUND));
  }

  @Test
  void plainTextIsKept() {
    assertEquals("crun: executable file `nosuch` not found in $PATH: No such file or directory",
        RuntimeErrors.message("crun: executable file `nosuch` not found in $PATH: No such file or directory\n"));
  }

  @Test
  void notFoundIs127AndPermissionDenied126() {
    InvalidStartConfigException e = assertInstanceOf(InvalidStartConfigException.class,
        RuntimeErrors.startFailure("create", RuntimeErrors.message(RUNC_NOT_FOUND)));
    assertEquals(127, e.exitCode());
    assertEquals("OCI runtime create failed: runc create failed: unable to start container process: exec: "
        + "\"nosuch\": executable file not found in $PATH: unknown", e.getMessage());
    InvalidStartConfigException denied = assertInstanceOf(InvalidStartConfigException.class,
        RuntimeErrors.startFailure("exec", "exec: \"/etc/passwd\": permission denied"));
    assertEquals(126, denied.exitCode());
    assertInstanceOf(OciRuntimeException.class, RuntimeErrors.startFailure("create", "cgroup trouble"));
  }

  @Test
  void commandFailuresMapToKinds() {
    assertInstanceOf(NoSuchRuntimeContainerException.class, RuntimeErrors.commandFailure("kill", "c1",
        "time=\"x\" level=error msg=\"container does not exist\""));
    ConflictException notRunning = assertInstanceOf(ConflictException.class,
        RuntimeErrors.commandFailure("kill", "c1", "time=\"x\" level=error msg=\"container not running\""));
    assertEquals("container c1 is not running", notRunning.getMessage());
    assertInstanceOf(OciRuntimeException.class, RuntimeErrors.commandFailure("pause", "c1", "boom"));
  }
}
