package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.SystemException;
import org.junit.jupiter.api.Test;

class ContainerStatusTest {
  @Test
  void unpauseRunningContainer_isAServerErrorLikeDockerd() {
    SystemException e = assertThrows(SystemException.class, () -> ContainerStatus.RUNNING.checkCanUnpause("abc"));
    assertEquals("Container abc is not paused", e.getMessage());
    assertDoesNotThrow(() -> ContainerStatus.PAUSED.checkCanUnpause("abc"));
  }

  @Test
  void pausePausedContainer_isConflict() {
    assertThrows(ConflictException.class, () -> ContainerStatus.PAUSED.checkCanPause("abc"));
  }
}
