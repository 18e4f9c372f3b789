package dev.berth.storage.distribution.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformMatcherTest {

  @Test
  void parseAndFormat() {
    assertEquals("linux/arm64", Platform.parse("linux/aarch64").format());
    assertEquals("linux/arm64", Platform.parse("linux/arm64/v8").format());
    assertEquals("linux/arm/v7", Platform.parse("linux/arm").format());
    assertEquals("linux/amd64", Platform.parse("LINUX/x86_64").format());
    assertEquals("linux/arm64", Platform.parse("arm64").format());
    assertThrows(InvalidParameterException.class, () -> Platform.parse("linux/arm/v7/extra"));
    assertThrows(InvalidParameterException.class, () -> Platform.parse("linux//"));
  }

  @Test
  void amd64v3_prefersExactThenLowerLevelsThen386() {
    PlatformMatcher m = PlatformMatcher.only(Platform.of("linux", "amd64", "v3"));
    List<Descriptor> entries = List.of(
        entry("386", null), entry("amd64", null), entry("amd64", "v3"), entry("amd64", "v4"), entry("arm64", null));
    List<Descriptor> picked = m.filter(entries);
    assertEquals(List.of("amd64/v3", "amd64/", "386/"), picked.stream()
        .map(d -> d.platform().architecture() + "/" + (d.platform().variant() == null ? "" : d.platform().variant()))
        .toList());
  }

  @Test
  void plainAmd64_doesNotRunV2Images() {
    PlatformMatcher m = PlatformMatcher.only(Platform.of("linux", "amd64", null));
    assertTrue(m.matches(Platform.of("linux", "amd64", "v1")));
    assertFalse(m.matches(Platform.of("linux", "amd64", "v2")));
  }

  @Test
  void arm64_runsArm64AndArmDownToV5() {
    PlatformMatcher m = PlatformMatcher.only(Platform.parse("linux/arm64"));
    assertTrue(m.matches(Platform.of("linux", "arm64", "v8")));
    assertTrue(m.matches(Platform.of("linux", "arm64", null)));
    assertTrue(m.matches(Platform.of("linux", "arm", "v7")));
    assertTrue(m.rank(Platform.of("linux", "arm64", null)) < m.rank(Platform.of("linux", "arm", "v7")));
    assertFalse(m.matches(Platform.of("windows", "arm64", null)));
  }

  @Test
  void entriesWithoutPlatformMatchLast_andOsFeaturesDoNot() {
    PlatformMatcher m = PlatformMatcher.only(Platform.of("linux", "amd64", null));
    Descriptor none = new Descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256("n"), 1, null, null, null, null);
    Descriptor win = new Descriptor(MediaTypes.OCI_MANIFEST, Digest.sha256("w"), 1, null, null,
        new Platform("amd64", "linux", null, List.of("feature"), null, null), null);
    assertEquals(List.of(entry("amd64", null), none), m.filter(List.of(none, win, entry("amd64", null))));
  }

  @Test
  void hostAmd64Level_fromCpuFlags() {
    assertEquals("v1", HostPlatform.amd64Level(Set.of("sse2")));
    assertEquals("v2", HostPlatform.amd64Level(Set.of("cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3")));
    assertEquals("v3", HostPlatform.amd64Level(Set.of("cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3",
        "avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave")));
  }

  private static Descriptor entry(String arch, String variant) {
    return new Descriptor(MediaTypes.DOCKER_MANIFEST, Digest.sha256(arch + variant), 1, null, null,
        Platform.of("linux", arch, variant), null);
  }
}
