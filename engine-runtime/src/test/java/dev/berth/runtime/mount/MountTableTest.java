package dev.berth.runtime.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MountTableTest {
  private static final MountTable TABLE = MountTable.parse("""
      27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
      28 27 0:25 / /mnt/a\\040b rw shared:3 master:1 - tmpfs tmpfs rw
      29 27 0:26 / /mnt/slave rw,nosuid master:4 - tmpfs tmpfs rw
      30 27 0:27 / /mnt/slave rw shared:9 - tmpfs tmpfs rw
      garbage line
      """);

  @Test
  void parsesMountPointsAndOptionalFields() {
    assertEquals(4, TABLE.entries().size());
    assertEquals(new MountTable.Entry("/", ""), TABLE.entries().get(0));
    assertEquals(new MountTable.Entry("/mnt/a b", "shared:3 master:1"), TABLE.entries().get(1));
  }

  @Test
  void longestMountPointWins_firstLineOnTies() {
    assertEquals("/", TABLE.sourceMountOf("/tmp/x").orElseThrow().mountPoint());
    MountTable.Entry slave = TABLE.sourceMountOf("/mnt/slave/dir").orElseThrow();
    assertEquals("/mnt/slave", slave.mountPoint());
    assertTrue(slave.isSlave());
    assertFalse(slave.isShared());
  }

  @Test
  void privateRootIsNeitherSharedNorSlave() {
    MountTable.Entry root = TABLE.sourceMountOf("/").orElseThrow();
    assertFalse(root.isShared());
    assertFalse(root.isSlave());
    assertTrue(TABLE.sourceMountOf("/mnt/a b/c").orElseThrow().isShared());
  }

  @Test
  void selfHasARoot() {
    assertTrue(MountTable.ofSelf().sourceMountOf("/").isPresent());
  }
}
