package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmpfsOptionsTest {
  @Test
  void laterOptionsWin() {
    assertEquals(List.of("nosuid", "nodev", "rprivate", "exec", "size=128m", "mode=1777"),
        TmpfsOptions.merge(List.of("noexec", "nosuid", "nodev", "rprivate", "exec", "size=64m", "size=128m",
            "mode=1777")));
    assertEquals(List.of("noexec", "nosuid", "nodev", "rshared"),
        TmpfsOptions.merge(List.of("noexec", "nosuid", "nodev", "rprivate", "rshared", "defaults")));
  }

  @Test
  void unknownDataOption_isInvalidParameter() {
    var e = assertThrows(InvalidParameterException.class, () -> TmpfsOptions.merge(List.of("noexec", "foo=1")));
    assertEquals("invalid tmpfs option \"foo\"", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> TmpfsOptions.merge(List.of("bogus")));
  }
}
