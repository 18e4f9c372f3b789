package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltStagesTest {

  static BuiltStages<String> twoStages() {
    BuiltStages<String> b = new BuiltStages<>();
    b.commit("builder", "sha-0");
    b.commit("", "sha-1");
    return b;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"builder, sha-0", "BUILDER, sha-0", "0, sha-0", "1, sha-1", "busybox, ''", "alpine:3, ''",
      "01, sha-1"})
  void copyFromResolvesNamesThenIndexes(String ref, String expected) {
    assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), twoStages().forCopyFrom(ref));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"2, refers to current build stage", "3, index out of bounds", "-1, index out of bounds"})
  void badIndexes(String ref, String why) {
    assertEquals("invalid from flag value " + ref + ": " + why,
        assertThrows(DockerfileException.class, () -> twoStages().forCopyFrom(ref)).getMessage());
  }

  @Test
  void namesAreUnique() {
    BuiltStages<String> b = twoStages();
    assertEquals("Builder stage name already used",
        assertThrows(DockerfileException.class, () -> b.checkNameAvailable("Builder")).getMessage());
    b.checkNameAvailable("");
    b.checkNameAvailable("other");
  }

  @Test
  void fromUsesNamesOnly() {
    assertEquals(Optional.of("sha-0"), twoStages().byName("Builder"));
    assertEquals(Optional.empty(), twoStages().byName("0"));
  }
}
