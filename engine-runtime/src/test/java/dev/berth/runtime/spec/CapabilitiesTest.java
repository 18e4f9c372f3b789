package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CapabilitiesTest {
  private static final CapabilitySet VM = TestHosts.VM_BOUNDING;

  private static List<String> defaultsWithout(String... drop) {
    List<String> l = new ArrayList<>(Capabilities.DEFAULTS);
    l.removeAll(List.of(drop));
    return l;
  }

  private static List<String> defaultsPlus(String... add) {
    List<String> l = new ArrayList<>(Capabilities.DEFAULTS);
    l.addAll(List.of(add));
    return l;
  }

  static Stream<Arguments> tweaks() {
    return Stream.of(
        Arguments.of(List.of(), List.of(), Capabilities.DEFAULTS),
        Arguments.of(List.of("NET_ADMIN"), List.of(), defaultsPlus("CAP_NET_ADMIN")),
        Arguments.of(List.of("cap_sys_ptrace"), List.of(), defaultsPlus("CAP_SYS_PTRACE")),
        Arguments.of(List.of(), List.of("MKNOD", "CAP_NET_RAW"), defaultsWithout("CAP_MKNOD", "CAP_NET_RAW")),
        Arguments.of(List.of("NET_ADMIN"), List.of("ALL"), List.of("CAP_NET_ADMIN")),
        Arguments.of(List.of(), List.of("all"), List.of()),
        Arguments.of(List.of("ALL"), List.of("SYS_ADMIN"),
            VM.names().stream().filter(c -> !c.equals("CAP_SYS_ADMIN")).toList()),
        Arguments.of(List.of("CHOWN"), List.of(), Capabilities.DEFAULTS));
  }

  @ParameterizedTest
  @MethodSource("tweaks")
  void tweak(List<String> add, List<String> drop, List<String> expected) {
    assertEquals(expected, Capabilities.tweak(Capabilities.DEFAULTS, add, drop, false, VM));
  }

  @Test
  void privileged_getsTheBoundingSetOnly() {
    List<String> caps = Capabilities.tweak(Capabilities.DEFAULTS, List.of(), List.of("ALL"), true, VM);
    assertEquals(40, caps.size());
    assertFalse(caps.contains("CAP_SYS_RESOURCE"));
    assertTrue(caps.contains("CAP_SYS_ADMIN"));
    assertTrue(caps.contains("CAP_CHECKPOINT_RESTORE"));
  }

  @Test
  void unknownCapability_isInvalidParameter() {
    var e = assertThrows(InvalidParameterException.class,
        () -> Capabilities.tweak(Capabilities.DEFAULTS, List.of("FOO"), List.of(), false, VM));
    assertEquals("unknown capability: \"CAP_FOO\"", e.getMessage());
  }

  @Test
  void capabilityMissingFromBoundingSet_isInvalidParameter() {
    var e = assertThrows(InvalidParameterException.class,
        () -> Capabilities.tweak(Capabilities.DEFAULTS, List.of("SYS_RESOURCE"), List.of(), false, VM));
    assertEquals("capability not supported by your kernel or not available in the current environment: "
        + "\"CAP_SYS_RESOURCE\"", e.getMessage());
  }

  @Test
  void capabilitySet_decodesProcStatus() {
    String status = "Name:\tjava\nCapInh:\t0000000000000000\nCapPrm:\t000001fffeffffff\n"
        + "CapEff:\t000001fffeffffff\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n";
    assertEquals(41, CapabilitySet.parseStatus(status, "CapBnd").names().size());
    CapabilitySet eff = CapabilitySet.parseStatus(status, "CapEff");
    assertFalse(eff.contains("CAP_SYS_RESOURCE"));
    assertEquals("CAP_CHOWN", eff.names().get(0));
    assertEquals(CapabilitySet.of(List.of("CAP_CHOWN", "CAP_KILL")).mask(), 0b100001L);
  }

  @Test
  void capabilitySet_ofSelf_isReadable() {
    assertFalse(CapabilitySet.boundingSetOfSelf().names().isEmpty());
  }
}
