package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.NotFoundException;
import org.junit.jupiter.api.Test;

class PlatformMatchTest {
  @Test
  void otherArchitecture_isNotFound_withMobysMessage() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> PlatformMatch.check("busybox", "linux/arm64", "linux/amd64"));
    assertEquals("image with reference busybox was found but does not match the specified platform: "
        + "wanted linux/arm64, actual: linux/amd64", e.getMessage());
  }

  @Test
  void sameOrAliasOrVariantlessImage_matches() {
    assertDoesNotThrow(() -> PlatformMatch.check("b", "linux/amd64", "linux/amd64"));
    assertDoesNotThrow(() -> PlatformMatch.check("b", "linux/x86_64", "linux/amd64"));
    assertDoesNotThrow(() -> PlatformMatch.check("b", "linux/arm/v7", "linux/arm"));
    assertDoesNotThrow(() -> PlatformMatch.check("b", "linux", "linux/amd64"));
    assertDoesNotThrow(() -> PlatformMatch.check("b", "", "linux/amd64"));
    assertDoesNotThrow(() -> PlatformMatch.check("b", "linux/arm64", ""));
    assertThrows(NotFoundException.class, () -> PlatformMatch.check("b", "linux/arm/v6", "linux/arm/v7"));
  }
}
