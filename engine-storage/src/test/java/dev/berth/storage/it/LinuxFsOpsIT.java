package dev.berth.storage.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.linux.DeviceNumbers;
import dev.berth.storage.linux.ErrnoException;
import dev.berth.storage.linux.FsOps;
import dev.berth.storage.linux.LinuxFsOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The JNR calls against the real kernel (as root): devices, ownership, mode bits, xattrs, times, errno. */
@Tag("root")
class LinuxFsOpsIT {
  private final FsOps fs = LinuxFsOps.load();
  private Path dir;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    dir = Files.createTempDirectory(Path.of("/var/tmp"), "berth-fsops-it-");
  }

  @AfterEach
  void tearDown() throws IOException {
    if (dir != null) {
      AtomicFiles.deleteTree(dir);
    }
  }

  private static Object attr(Path p, String name) throws IOException {
    return Files.getAttribute(p, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void devicesAndFifos() throws IOException {
    Path dev = dir.resolve("null");
    fs.mknod(dev, FsOps.S_IFCHR | 0666, 1, 3);
    assertEquals(FsOps.S_IFCHR, (int) attr(dev, "mode") & FsOps.S_IFMT);
    long rdev = (long) attr(dev, "rdev");
    assertEquals(1, DeviceNumbers.major(rdev));
    assertEquals(3, DeviceNumbers.minor(rdev));
    Path big = dir.resolve("big");
    fs.mknod(big, FsOps.S_IFBLK | 0600, 259, 300000);
    assertEquals(259, DeviceNumbers.major((long) attr(big, "rdev")));
    assertEquals(300000, DeviceNumbers.minor((long) attr(big, "rdev")));
    Path fifo = dir.resolve("fifo");
    fs.mknod(fifo, FsOps.S_IFIFO | 0644, 0, 0);
    assertEquals(FsOps.S_IFIFO, (int) attr(fifo, "mode") & FsOps.S_IFMT);
    ErrnoException e = assertThrows(ErrnoException.class, () -> fs.mknod(dev, FsOps.S_IFCHR, 0, 0));
    assertEquals(ErrnoException.EEXIST, e.errno());
  }

  @Test
  void ownershipModesAndTimesWithoutFollowingLinks() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("l"), file.getFileName());
    fs.lchown(link, 1234, 5678);
    assertEquals(1234, attr(link, "uid"));
    assertEquals(0, attr(file, "uid"));
    fs.lchown(file, 1000, 1000);
    fs.chmod(file, 04755);
    assertEquals(04755, (int) attr(file, "mode") & 07777);
    Instant t = Instant.parse("2020-02-03T04:05:06.123456789Z");
    fs.lutimes(link, t, t);
    assertEquals(FileTime.from(t), Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS));
    assertTrue(!Files.getLastModifiedTime(file).equals(FileTime.from(t)));
  }

  @Test
  void extendedAttributes() throws IOException {
    Path d = Files.createDirectory(dir.resolve("d"));
    assertTrue(fs.lgetxattr(d, "trusted.overlay.opaque").isEmpty());
    fs.lsetxattr(d, "trusted.overlay.opaque", new byte[] {'y'});
    fs.lsetxattr(d, "user.big", new byte[1000]);
    assertArrayEquals(new byte[] {'y'}, fs.lgetxattr(d, "trusted.overlay.opaque").orElseThrow());
    assertEquals(1000, fs.lgetxattr(d, "user.big").orElseThrow().length);
    assertTrue(fs.llistxattr(d).containsAll(java.util.List.of("trusted.overlay.opaque", "user.big")));
    ErrnoException e = assertThrows(ErrnoException.class,
        () -> fs.lsetxattr(dir.resolve("missing"), "user.x", new byte[] {1}));
    assertEquals(ErrnoException.ENOENT, e.errno());
  }
}
