package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityOptionsTest {
  @Test
  void parsesDockerForms() {
    SecurityOptions o = SecurityOptions.parse(
        List.of("no-new-privileges", "seccomp=unconfined", "apparmor=unconfined", "label=disable"), false);
    assertTrue(o.noNewPrivileges());
    assertEquals("unconfined", o.seccompProfile());
    assertEquals("unconfined", o.apparmorProfile());
    assertEquals(List.of("disable"), o.labelOptions());
    assertNull(o.writableCgroups());
  }

  @Test
  void daemonDefault_canBeTurnedOff() {
    assertTrue(SecurityOptions.parse(List.of(), true).noNewPrivileges());
    assertFalse(SecurityOptions.parse(List.of("no-new-privileges=false"), true).noNewPrivileges());
    assertTrue(SecurityOptions.parse(List.of("no-new-privileges:true"), false).noNewPrivileges());
  }

  @Test
  void seccompJson_keepsEverythingAfterTheFirstEquals() {
    String json = "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"x\":\"a=b\"}";
    assertEquals(json, SecurityOptions.parse(List.of("seccomp=" + json), false).seccompProfile());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bogus|invalid --security-opt 1: \"bogus\"",
      "foo=bar|invalid --security-opt 2: \"foo=bar\"",
      "no-new-privileges=maybe|invalid --security-opt 2: \"no-new-privileges=maybe\""})
  void badOptions_useDockerdMessages(String opt, String message) {
    var e = assertThrows(InvalidParameterException.class, () -> SecurityOptions.parse(List.of(opt), false));
    assertEquals(message, e.getMessage());
  }
}
