package dev.berth.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.storage.linux.FsOps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeTarRoundTripTest {
  /** Ownership, modes and times are not what these tests are about (and need root). */
  static final FsOps NO_METADATA = new FsOps() {
    @Override public void mknod(Path path, int mode, int major, int minor) { }
    @Override public void lchown(Path path, int uid, int gid) { }
    @Override public void chmod(Path path, int mode) { }
    @Override public void lsetxattr(Path path, String name, byte[] value) { }
    @Override public Optional<byte[]> lgetxattr(Path path, String name) {
      return Optional.empty();
    }
    @Override public List<String> llistxattr(Path path) {
      return List.of();
    }
    @Override public void lutimes(Path path, Instant atime, Instant mtime) { }
  };

  private static byte[] tar(Path top, String rebase) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TreeTarWriter(NO_METADATA).write(top, rebase, out, false, KernelMounts.of(top));
    return out.toByteArray();
  }

  @Test
  void directoryTree_roundTripsWithTheRebaseName(@TempDir Path tmp) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src/sub"));
    Files.write(src.resolve("f.bin"), new byte[] {1, 2, 3});
    Files.createSymbolicLink(src.resolve("link"), Path.of("f.bin"));
    Path root = Files.createDirectories(tmp.resolve("root/target"));
    new ArchiveExtractor(NO_METADATA).extract(new ByteArrayInputStream(tar(tmp.resolve("src"), "copy")),
        tmp.resolve("root"), List.of("target"), true, null);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(root.resolve("copy/sub/f.bin")));
    assertEquals(Path.of("f.bin"), Files.readSymbolicLink(root.resolve("copy/sub/link")));
  }

  @Test
  void entryModes_carryTheFileTypeBitsAsDockerd(@TempDir Path tmp) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src/d"));
    Files.writeString(src.resolve("f"), "x");
    Files.setPosixFilePermissions(src.resolve("f"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
    Files.createSymbolicLink(src.resolve("l"), Path.of("f"));
    java.util.Map<String, Integer> modes = new java.util.TreeMap<>();
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
        new ByteArrayInputStream(tar(tmp.resolve("src"), "src")))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        modes.put(e.getName(), e.getMode() & 0170000);
      }
    }
    assertEquals(java.util.Map.of("src/", 040000, "src/d/", 040000, "src/d/f", 0100000, "src/d/l", 0120000), modes);
  }

  @Test
  void symlinkToSlashInTheContainer_isFollowedInsideTheRoot(@TempDir Path tmp) throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("x"), "data");
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("tmp"));
    Files.createSymbolicLink(root.resolve("escape"), Path.of("/"));
    byte[] tar = tar(src.resolve("x"), "tmp/x-" + tmp.getFileName());
    new ArchiveExtractor(NO_METADATA).extract(new ByteArrayInputStream(tar), root, List.of("escape"), true, null);
    assertEquals("data", Files.readString(root.resolve("tmp/x-" + tmp.getFileName())));
    assertFalse(Files.exists(Path.of("/tmp/x-" + tmp.getFileName())));
  }

  @Test
  void containerRoot_resolvesAbsoluteLinksInside(@TempDir Path tmp) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("escape"), Path.of("/"));
    ContainerRoot r = new ContainerRoot(root);
    assertEquals(root.resolve("etc"), r.follow("/escape/etc"));
    assertEquals(root.resolve("escape"), r.resolve("/escape"));
    assertEquals(root, r.resolve("/escape/"));
    assertEquals("/etc", r.containerPath(root.resolve("etc")));
    assertTrue(r.follow("/escape/../../etc").startsWith(root));
  }
}
