package dev.berth.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.api.errors.SystemException;
import dev.berth.api.types.MountSpec;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real mount(2)/umount2(2): overlay, read-only bind, tmpfs with data, errors. */
@Tag("root")
class LinuxMounterIT {
  @TempDir
  Path dir;
  private LinuxMounter mounter;
  private final List<Path> mounted = new ArrayList<>();

  @BeforeEach
  void setUp() {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(Linux.isAvailable(), () -> "native layer unavailable: " + Linux.unavailabilityCause());
    mounter = new LinuxMounter();
  }

  @AfterEach
  void tearDown() {
    for (int i = mounted.size() - 1; i >= 0; i--) {
      mounter.unmount(mounted.get(i));
    }
  }

  private Path mkdir(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  private void mount(MountSpec spec, Path target) {
    mounter.mount(List.of(spec), target);
    mounted.add(target);
  }

  @Test
  void overlayWritesGoToUpper() throws IOException {
    Path lower = mkdir("lower");
    Files.writeString(lower.resolve("a"), "from-lower");
    Path upper = mkdir("upper");
    Path merged = mkdir("merged");
    mount(new MountSpec("overlay", "overlay", List.of("lowerdir=" + lower, "upperdir=" + upper,
        "workdir=" + mkdir("work"))), merged);
    assertEquals("from-lower", Files.readString(merged.resolve("a")));
    Files.writeString(merged.resolve("b"), "new");
    assertEquals("new", Files.readString(upper.resolve("b")));
  }

  @Test
  void readOnlyBindAndTmpfsOptions() throws IOException {
    Path source = mkdir("src");
    Files.writeString(source.resolve("f"), "x");
    Path target = mkdir("bind");
    mount(new MountSpec("bind", source.toString(), List.of("rbind", "ro", "rprivate")), target);
    assertEquals("x", Files.readString(target.resolve("f")));
    assertThrows(FileSystemException.class, () -> Files.writeString(target.resolve("g"), "y"));

    Path tmp = mkdir("tmp");
    mount(new MountSpec("tmpfs", "tmpfs", List.of("nosuid", "nodev", "size=1m", "mode=700")), tmp);
    Files.writeString(tmp.resolve("t"), "ok");
    assertTrue(Files.readString(Path.of("/proc/self/mountinfo")).contains(tmp.toString()));
  }

  @Test
  void unmountIsIdempotentAndErrorsAreSystemErrors() throws IOException {
    Path target = mkdir("never-mounted");
    mounter.unmount(target);
    mounter.unmount(dir.resolve("missing"));
    SystemException e = assertThrows(SystemException.class,
        () -> mounter.mount(List.of(new MountSpec("bind", dir.resolve("nope").toString(), List.of("bind"))),
            target));
    assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
    assertEquals(Errno.ENOENT, ((Errno.NativeCallException) e.getCause()).errno());
  }
}
