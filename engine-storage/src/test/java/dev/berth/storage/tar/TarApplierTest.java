package dev.berth.storage.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.linux.FakeFsOps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarApplierTest {
  @TempDir Path tmp;
  final FakeFsOps fs = new FakeFsOps();

  private Path apply(WhiteoutMode mode, byte[] tar) throws IOException {
    Path root = tmp.resolve("root");
    Files.createDirectories(root);
    new TarApplier(fs, mode, false).apply(new ByteArrayInputStream(tar), root);
    return root;
  }

  @Test
  void size_countsFileBytesAndSymlinkTargetsLikeDockerd() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("sized"));
    byte[] tar = new TarBuilder().file("bin/busybox", "12345").symlink("bin/sh", "busybox")
        .symlink("bin/ls", "busybox").build();
    long size = new TarApplier(fs, WhiteoutMode.DELETE, false).apply(new ByteArrayInputStream(tar), root).size();
    assertEquals(5 + 7 + 7, size);
  }

  @Test
  void parentDirectoryEscape_isRejectedNamingTheEntry() {
    byte[] tar = new TarBuilder().file("../evil", "x").build();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> apply(WhiteoutMode.DELETE, tar));
    assertTrue(e.getMessage().contains("../evil"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("evil")));
  }

  @Test
  void nestedDotDotEscape_isRejected() {
    byte[] tar = new TarBuilder().file("a/b/../../../evil", "x").build();
    assertThrows(InvalidParameterException.class, () -> apply(WhiteoutMode.DELETE, tar));
    assertFalse(Files.exists(tmp.resolve("evil")));
  }

  @Test
  void dotDotInsideTheRoot_isFine() throws IOException {
    Path root = apply(WhiteoutMode.DELETE, new TarBuilder().file("a/../b", "ok").build());
    assertEquals("ok", Files.readString(root.resolve("b")));
  }

  @Test
  void absoluteNames_areTakenRelativeToTheRoot() throws IOException {
    Path root = apply(WhiteoutMode.DELETE, new TarBuilder().file("/etc/berth-test", "x").build());
    assertEquals("x", Files.readString(root.resolve("etc/berth-test")));
  }

  @Test
  void absoluteSymlinkParent_isRefused() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    byte[] tar = new TarBuilder().symlink("link", outside.toString()).file("link/passwd", "pwned").build();
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.berth.api.errors.InvalidParameterException.class,
        () -> apply(WhiteoutMode.DELETE, tar));
    assertTrue(e.getMessage().contains("path goes through the symlink link"), e.getMessage());
    assertFalse(Files.exists(outside.resolve("passwd")));
  }

  @Test
  void relativeSymlinkClimbingOut_isRefused() throws IOException {
    byte[] tar = new TarBuilder().symlink("up", "../../../../..").file("up/escaped", "x").build();
    org.junit.jupiter.api.Assertions.assertThrows(dev.berth.api.errors.InvalidParameterException.class,
        () -> apply(WhiteoutMode.DELETE, tar));
    assertFalse(Files.exists(tmp.resolve("escaped")));
  }

  @Test
  void hardLinks_shareTheInode() throws IOException {
    Path root = apply(WhiteoutMode.DELETE, new TarBuilder().file("bin/busybox", "BB", 0755)
        .hardlink("bin/sh", "bin/busybox").build());
    assertEquals(Files.getAttribute(root.resolve("bin/busybox"), "unix:ino"),
        Files.getAttribute(root.resolve("bin/sh"), "unix:ino"));
    assertEquals(2, Files.getAttribute(root.resolve("bin/sh"), "unix:nlink"));
  }

  @Test
  void hardLinkTargetEscaping_isRejected() {
    byte[] tar = new TarBuilder().hardlink("x", "../../etc/passwd").build();
    assertThrows(InvalidParameterException.class, () -> apply(WhiteoutMode.DELETE, tar));
  }

  @Test
  void longNames_usePaxAndArrive() throws IOException {
    String name = "d/" + "x".repeat(150) + "/" + "y".repeat(120);
    Path root = apply(WhiteoutMode.DELETE, new TarBuilder().file(name, "long").build());
    assertEquals("long", Files.readString(root.resolve(name)));
  }

  @Test
  void ownershipModesXattrsAndDevices_goThroughFsOps() throws IOException {
    Path root = apply(WhiteoutMode.DELETE, new TarBuilder().owned("bin/su", "s", 1000, 1001)
        .fileWithXattr("bin/ping", "p", "security.capability", "cap").charDevice("dev/null", 1, 3)
        .fifo("run/fifo").build());
    assertArrayEquals(new int[] {1000, 1001}, fs.owners.get(root.resolve("bin/su")));
    assertTrue(fs.callsOf("chmod").stream().anyMatch(c -> c.path().equals(root.resolve("bin/su"))
        && c.detail().equals("4755")));
    assertArrayEquals("cap".getBytes(StandardCharsets.UTF_8),
        fs.lgetxattr(root.resolve("bin/ping"), "security.capability").orElseThrow());
    assertEquals(new FakeFsOps.Device(0020666, 1, 3), fs.devices.get(root.resolve("dev/null")));
    assertEquals(0010644, fs.devices.get(root.resolve("run/fifo")).mode());
  }

  @Test
  void whiteoutOnFlattenedTree_deletesThePath() throws IOException {
    Path root = apply(WhiteoutMode.DELETE, new TarBuilder().file("etc/a", "1").file("etc/b", "2")
        .dir("var/cache").file("var/cache/x", "x").build());
    new TarApplier(fs, WhiteoutMode.DELETE, false).apply(new ByteArrayInputStream(
        new TarBuilder().whiteout("etc/a").whiteout("var/cache").whiteout("nowhere/z").build()), root);
    assertFalse(Files.exists(root.resolve("etc/a")));
    assertTrue(Files.exists(root.resolve("etc/b")));
    assertFalse(Files.exists(root.resolve("var/cache")));
    assertFalse(Files.exists(root.resolve("nowhere")), "a whiteout must not create directories");
  }

  @Test
  void opaqueOnFlattenedTree_hidesOlderContentOnly() throws IOException {
    Path root = apply(WhiteoutMode.DELETE, new TarBuilder().file("app/old1", "1").file("app/sub/old2", "2")
        .build());
    new TarApplier(fs, WhiteoutMode.DELETE, false).apply(new ByteArrayInputStream(
        new TarBuilder().dir("app").file("app/new", "n").opaque("app").build()), root);
    try (var s = Files.list(root.resolve("app"))) {
      assertEquals(1, s.count());
    }
    assertEquals("n", Files.readString(root.resolve("app/new")));
  }

  @Test
  void overlayWhiteouts_becomeCharDevicesAndOpaqueXattrs() throws IOException {
    Path root = apply(WhiteoutMode.OVERLAY, new TarBuilder().dir("etc").whiteout("etc/gone").dir("opt")
        .opaque("opt").build());
    assertEquals(new FakeFsOps.Device(0020000, 0, 0), fs.devices.get(root.resolve("etc/gone")));
    assertArrayEquals(new byte[] {'y'}, fs.lgetxattr(root.resolve("opt"), "trusted.overlay.opaque").orElseThrow());
    assertFalse(Files.exists(root.resolve("etc/.wh.gone"), LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(root.resolve("opt/.wh..wh..opq"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void laterEntriesReplaceEarlierOnes_butDirectoriesMerge() throws IOException {
    Path root = apply(WhiteoutMode.DELETE, new TarBuilder().file("x", "file").dir("d").file("d/keep", "k")
        .build());
    new TarApplier(fs, WhiteoutMode.DELETE, false).apply(new ByteArrayInputStream(
        new TarBuilder().dir("x").dir("d").file("d/new", "n").build()), root);
    assertTrue(Files.isDirectory(root.resolve("x")));
    assertTrue(Files.exists(root.resolve("d/keep")));
    assertTrue(Files.exists(root.resolve("d/new")));
  }

  @Test
  void compressionIsDetected() throws IOException {
    byte[] plain = new TarBuilder().file("z", "zip").build();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    ByteArrayOutputStream zst = new ByteArrayOutputStream();
    try (var out = new com.github.luben.zstd.ZstdOutputStream(zst)) {
      out.write(plain);
    }
    ByteArrayOutputStream xz = new ByteArrayOutputStream();
    try (var out = new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(xz)) {
      out.write(plain);
    }
    ByteArrayOutputStream bz = new ByteArrayOutputStream();
    try (var out = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bz)) {
      out.write(plain);
    }
    for (byte[] data : new byte[][] {plain, gz.toByteArray(), zst.toByteArray(), xz.toByteArray(),
        bz.toByteArray()}) {
      assertArrayEquals(plain, Compression.decompress(new ByteArrayInputStream(data)).readAllBytes());
    }
  }

  @Test
  void entryNames_cleanLikeDockerd() {
    assertEquals(java.util.List.of("a", "b"), EntryNames.clean("./a//b/"));
    assertEquals(java.util.List.of(), EntryNames.clean("./"));
    assertEquals(java.util.List.of("etc"), EntryNames.clean("/etc"));
    assertThrows(InvalidParameterException.class, () -> EntryNames.clean(".."));
  }
}
