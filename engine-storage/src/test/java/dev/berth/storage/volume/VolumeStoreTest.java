package dev.berth.storage.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.types.MountSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {
  @TempDir Path root;

  private VolumeStore store() {
    return new VolumeStore(root, Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC));
  }

  @Test
  void createPersistsAndReloads() throws IOException {
    VolumeStore s = store();
    LocalVolume v = s.create("data", Map.of("a", "b"), Map.of());
    assertEquals(root.resolve("data/_data"), v.dataPath());
    assertTrue(Files.isDirectory(v.dataPath()));
    assertSame(v, s.create("data", Map.of(), Map.of()));
    VolumeStore again = store();
    again.load();
    LocalVolume r = again.get("data");
    assertEquals(Map.of("a", "b"), r.labels());
    assertEquals(Instant.parse("2026-01-02T03:04:05Z"), r.createdAt());
  }

  @Test
  void generatedNameIs64Hex() {
    LocalVolume v = store().create(null, Map.of(LocalVolume.ANONYMOUS_LABEL, ""), Map.of());
    assertTrue(v.name().matches("[0-9a-f]{64}"));
    assertTrue(v.isAnonymous());
  }

  @Test
  void invalidNames_areRefused() {
    VolumeStore s = store();
    for (String bad : List.of("a", "../x", "a/b", ".hidden", "-x", "x y")) {
      assertThrows(InvalidParameterException.class, () -> s.create(bad, Map.of(), Map.of()), bad);
    }
    assertFalse(Files.exists(root.resolve("x")));
  }

  @Test
  void removeDeletesData() throws IOException {
    VolumeStore s = store();
    LocalVolume v = s.create("gone", Map.of(), Map.of());
    Files.writeString(v.dataPath().resolve("f"), "x");
    assertEquals(1, s.size("gone"));
    assertFalse(s.isEmpty("gone"));
    s.remove("gone");
    assertFalse(Files.exists(root.resolve("gone")));
    assertThrows(NoSuchVolumeException.class, () -> s.get("gone"));
  }

  @Test
  void driverOptions() {
    assertEquals(List.of(new MountSpec("tmpfs", "tmpfs", List.of("size=1m", "uid=1000"))),
        DriverOptions.parse(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m,uid=1000")).mounts());
    assertEquals(List.of(new MountSpec("none", "/srv", List.of("bind"))),
        DriverOptions.parse(Map.of("type", "none", "device", "/srv", "o", "bind")).mounts());
    assertThrows(InvalidParameterException.class, () -> DriverOptions.parse(Map.of("foo", "bar")));
    assertThrows(InvalidParameterException.class, () -> DriverOptions.parse(Map.of("o", "bind")));
  }

  @Test
  void copyUpCopiesTreeWithoutFollowingLinks() throws IOException {
    Path src = Files.createDirectories(root.resolve("src/sub"));
    Files.writeString(src.resolve("f"), "hello");
    Files.createSymbolicLink(src.getParent().resolve("link"), Path.of("/etc/passwd"));
    Path dst = Files.createDirectories(root.resolve("dst"));
    CopyUp.copy(src.getParent(), dst);
    assertEquals("hello", Files.readString(dst.resolve("sub/f")));
    assertTrue(Files.isSymbolicLink(dst.resolve("link")));
    assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(dst.resolve("link")));
  }

  @Test
  void copyUpKeepsSpecialModeBits() throws IOException {
    Path src = Files.createDirectories(root.resolve("img/tmp"));
    Files.setAttribute(src, "unix:mode", 01777);
    Path dst = Files.createDirectories(root.resolve("vol"));
    CopyUp.copy(src, dst);
    assertEquals(01777, ((Integer) Files.getAttribute(dst, "unix:mode")) & 07777);
  }

  @Test
  void mountinfoParsing() {
    String line = "36 35 98:0 /mnt1 /mnt\\040two rw,noatime master:1 - ext3 /dev/root rw,errors=continue";
    assertTrue(MountTable.isMountPoint("/mnt two", List.of(line)));
    assertFalse(MountTable.isMountPoint("/mnt", List.of(line)));
  }
}
