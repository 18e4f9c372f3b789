package dev.berth.runtime.mount;

import static dev.berth.runtime.mount.MountOptions.MS_BIND;
import static dev.berth.runtime.mount.MountOptions.MS_NODEV;
import static dev.berth.runtime.mount.MountOptions.MS_NOSUID;
import static dev.berth.runtime.mount.MountOptions.MS_PRIVATE;
import static dev.berth.runtime.mount.MountOptions.MS_RDONLY;
import static dev.berth.runtime.mount.MountOptions.MS_REC;
import static dev.berth.runtime.mount.MountOptions.MS_SHARED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountOptionsTest {
  @Test
  void flagsAndDataAreSeparated() {
    MountOptions o = MountOptions.parse("ro,nosuid,rbind,lowerdir=/a:/b,upperdir=/u");
    assertEquals(MS_RDONLY | MS_NOSUID | MS_BIND | MS_REC, o.flags());
    assertEquals("lowerdir=/a:/b,upperdir=/u", o.data());
    assertEquals(0, o.propagation());
  }

  @Test
  void laterOptionsWin() {
    assertEquals(0, MountOptions.parse("ro,rw").flags());
    assertEquals(MS_RDONLY, MountOptions.parse("rw,ro").flags());
    assertEquals(MS_NODEV, MountOptions.parse(List.of("nodev", "suid")).flags());
  }

  @Test
  void propagationIsKeptApart() {
    MountOptions o = MountOptions.parse("bind,rprivate");
    assertEquals(MS_BIND, o.flags());
    assertEquals(MS_PRIVATE | MS_REC, o.propagation());
    assertEquals(MS_SHARED, MountOptions.parse("shared").propagation());
  }

  @Test
  void emptyAndDefaultsHaveNoData() {
    assertNull(MountOptions.parse("").data());
    assertNull(MountOptions.parse(List.of("defaults")).data());
    assertEquals(0, MountOptions.parse(List.of()).flags());
  }

  @ParameterizedTest
  @CsvSource({"'bind,ro', true", "'rbind,ro', true", "'bind', false", "'ro', false"})
  void readOnlyBindNeedsARemount(String options, boolean expected) {
    assertEquals(expected, MountOptions.parse(options).needsReadOnlyRemount());
  }

  @Test
  void tmpfsDataKeepsOrder() {
    MountOptions o = MountOptions.parse(List.of("nosuid", "size=65536k", "mode=755"));
    assertEquals("size=65536k,mode=755", o.data());
    assertTrue((o.flags() & MS_NOSUID) != 0);
    assertFalse(o.isBind());
  }
}
