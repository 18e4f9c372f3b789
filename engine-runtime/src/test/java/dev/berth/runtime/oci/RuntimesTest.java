package dev.berth.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimesTest {
  private final RuntimeConfig runc = new RuntimeConfig("runc", Path.of("/usr/sbin/runc"), List.of(), Path.of("/r"));
  private final RuntimeConfig crun = new RuntimeConfig("crun", Path.of("/usr/bin/crun"), List.of(), Path.of("/c"));

  @Test
  void selectsByNameWithDefault() {
    Runtimes runtimes = new Runtimes(List.of(runc, crun), "runc");
    assertEquals(runc, runtimes.forName(null));
    assertEquals(runc, runtimes.forName(""));
    assertEquals(crun, runtimes.forName("crun"));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> runtimes.forName("kata"));
    assertEquals("unknown or invalid runtime name: kata", e.getMessage());
  }

  @Test
  void defaultMustExist() {
    assertThrows(IllegalArgumentException.class, () -> new Runtimes(List.of(runc), "crun"));
  }
}
