package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UlimitTest {
  @ParameterizedTest
  @CsvSource({
      "nofile=1024, nofile, 1024, 1024",
      "nofile=512:1024, nofile, 512, 1024",
      "core=-1, core, -1, -1",
      "nproc=100:-1, nproc, 100, -1"})
  void parse(String value, String name, long soft, long hard) {
    assertEquals(new Ulimit(name, soft, hard), Ulimit.parse(value));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("nofile", "invalid ulimit argument: nofile"),
        Arguments.of("as=1", "invalid ulimit type: as"),
        Arguments.of("foo=1", "invalid ulimit type: foo"),
        Arguments.of("nofile=1:2:3", "too many limit value arguments - 1:2:3, can only have up to two, `soft[:hard]`"),
        Arguments.of("nofile=2048:1024", "ulimit soft limit must be less than or equal to hard limit: 2048 > 1024"),
        Arguments.of("nofile=-1:1024",
            "ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: 1024"),
        Arguments.of("nofile=abc", "strconv.ParseInt: parsing \"abc\": invalid syntax"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void badValues_areInvalidParameter(String value, String message) {
    var e = assertThrows(InvalidParameterException.class, () -> Ulimit.parse(value));
    assertEquals(message, e.getMessage());
  }

  @Test
  void belowHostHardLimit_becomesRlimit() {
    List<Rlimit> r = Rlimits.toSpec(List.of(new Ulimit("nofile", 1024, 20000)), TestHosts.VM_LIMITS, false);
    assertEquals(List.of(new Rlimit("RLIMIT_NOFILE", 20000, 1024)), r);
  }

  @Test
  void aboveHostHardLimit_isInvalidParameter() {
    var e = assertThrows(InvalidParameterException.class,
        () -> Rlimits.toSpec(List.of(new Ulimit("nofile", 1024, 30000)), TestHosts.VM_LIMITS, false));
    assertTrue(e.getMessage().contains("hard limit 30000 is above the daemon's hard limit of 20000"), e.getMessage());
  }

  @Test
  void unlimitedAboveFiniteHostLimit_isInvalidParameter() {
    assertThrows(InvalidParameterException.class,
        () -> Rlimits.toSpec(List.of(new Ulimit("nproc", -1, -1)), TestHosts.VM_LIMITS, false));
  }

  @Test
  void unlimitedHost_acceptsAnything_andCapSysResourceSkipsTheCheck() {
    assertEquals(1, Rlimits.toSpec(List.of(new Ulimit("core", -1, -1)), TestHosts.VM_LIMITS, false).size());
    assertEquals(1, Rlimits.toSpec(List.of(new Ulimit("nofile", 1, 99999)), TestHosts.VM_LIMITS, true).size());
  }

  @Test
  void merge_containerWinsOverDaemonDefaults() {
    List<Ulimit> merged = Rlimits.merge(List.of(new Ulimit("nofile", 10, 10)),
        List.of(new Ulimit("nofile", 20, 20), new Ulimit("nproc", 30, 30)));
    assertEquals(List.of(new Ulimit("nofile", 10, 10), new Ulimit("nproc", 30, 30)), merged);
  }

  @Test
  void unlimitedRlimit_isWrittenUnsigned() {
    String json = SpecJson.toJson(new Spec(Spec.OCI_VERSION,
        new ProcessSpec(false, null, User.ROOT, List.of("sh"), List.of(), "/", null,
            List.of(new Rlimit("RLIMIT_CORE", -1, -1)), false, null, null, null),
        null, null, null, List.of(), Map.of(), null));
    assertTrue(json.contains("\"hard\" : 18446744073709551615"), json);
    assertEquals(-1, SpecJson.fromJson(json).process().rlimits().get(0).soft());
  }

  @Test
  void hostLimits_parseProcSelfLimits() {
    String text = """
        Limit                     Soft Limit           Hard Limit           Units
        Max cpu time              unlimited            unlimited            seconds
        Max stack size            8388608              unlimited            bytes
        Max processes             96365                96365                processes
        Max open files            20000                20000                files
        Max nice priority         0                    0
        """;
    HostLimits h = HostLimits.parse(text);
    assertEquals(new HostLimits.Limit(20000, 20000), h.get("nofile").orElseThrow());
    assertEquals(new HostLimits.Limit(-1, -1), h.get("cpu").orElseThrow());
    assertEquals(new HostLimits.Limit(8388608, -1), h.get("stack").orElseThrow());
    assertEquals(new HostLimits.Limit(0, 0), h.get("nice").orElseThrow());
    assertTrue(HostLimits.readSelf().get("nofile").isPresent());
  }
}
