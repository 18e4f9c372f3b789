package dev.berth.runtime.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.SystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDirectoryTest {
  @TempDir Path rootfs;
  @TempDir Path outside;

  private int myUid() throws Exception {
    return (Integer) Files.getAttribute(rootfs, "unix:uid");
  }

  private int myGid() throws Exception {
    return (Integer) Files.getAttribute(rootfs, "unix:gid");
  }

  @Test
  void createsMissingDirectories_ownedAndMode755() throws Exception {
    Path dir = WorkingDirectory.ensure(rootfs, "/srv/app/data", myUid(), myGid());
    assertEquals(rootfs.resolve("srv/app/data"), dir);
    assertTrue(Files.isDirectory(dir));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertEquals(myUid(), Files.getAttribute(dir, "unix:uid"));
  }

  @Test
  void existingDirectory_isLeftAlone() throws Exception {
    Files.createDirectories(rootfs.resolve("work"));
    Files.setPosixFilePermissions(rootfs.resolve("work"), PosixFilePermissions.fromString("rwx------"));
    WorkingDirectory.ensure(rootfs, "/work", myUid(), myGid());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rootfs.resolve("work"))));
  }

  @Test
  void fileInTheWay_isCannotMkdir() throws Exception {
    Files.writeString(rootfs.resolve("file"), "x");
    var e = assertThrows(SystemException.class, () -> WorkingDirectory.ensure(rootfs, "/file/sub", 0, 0));
    assertEquals("Cannot mkdir: /file/sub is not a directory", e.getMessage());
  }

  @Test
  void symlinkToTheHost_isFollowedInsideTheRootfs() throws Exception {
    Files.createSymbolicLink(rootfs.resolve("escape"), outside);
    Path dir = WorkingDirectory.ensure(rootfs, "/escape/work", myUid(), myGid());
    assertTrue(dir.startsWith(rootfs), dir.toString());
    assertFalse(Files.exists(outside.resolve("work"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isDirectory(rootfs.resolve(outside.toString().substring(1)).resolve("work")));
  }

  @Test
  void emptyWorkingDir_isTheRoot() {
    assertEquals(rootfs.toAbsolutePath().normalize(), WorkingDirectory.ensure(rootfs, "", 0, 0));
  }
}
