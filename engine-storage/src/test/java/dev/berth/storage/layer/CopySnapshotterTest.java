package dev.berth.storage.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.types.MountSpec;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.image.TestStorage;
import dev.berth.storage.tar.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopySnapshotterTest {
  @TempDir Path tmp;

  @Test
  void prepareReplaysLayersWithWhiteouts_intoABindMountedDirectory() throws IOException {
    TestStorage s = new TestStorage(tmp);
    ImageService images = s.service;
    s.createImage("app",
        new TarBuilder().dir("etc").file("etc/keep", "k").file("etc/gone", "g").dir("opt").file("opt/old", "o")
            .build(),
        new TarBuilder().dir("etc").whiteout("etc/gone").dir("opt").opaque("opt").file("opt/new", "n").build());
    String key = "c".repeat(64);
    List<MountSpec> mounts = images.prepareRootfs(key, "app");
    Path rootfs = tmp.resolve("vfs").resolve(key).resolve("rootfs");
    assertEquals(List.of(new MountSpec("bind", rootfs.toString(), List.of("rbind", "rw"))), mounts);
    assertEquals("k", Files.readString(rootfs.resolve("etc/keep")));
    assertFalse(Files.exists(rootfs.resolve("etc/gone")));
    assertFalse(Files.exists(rootfs.resolve("opt/old")));
    assertEquals("n", Files.readString(rootfs.resolve("opt/new")));
    assertEquals(rootfs, images.upperDir(key));
    assertEquals(mounts, images.prepareRootfs(key, "app"), "prepare is idempotent");
    images.removeRootfs(key);
    assertFalse(Files.exists(rootfs));
  }

  @Test
  void registrationRejectsEscapingLayers_andKeepsNothing() throws IOException {
    TestStorage s = new TestStorage(tmp);
    byte[] evil = new TarBuilder().file("ok", "1").file("../../escape", "x").build();
    assertThrows(InvalidParameterException.class, () -> s.service.layerStore().register(
        new ByteArrayInputStream(evil), null, null, null));
    assertTrue(s.service.layerStore().all().isEmpty());
    assertEquals(0, s.service.contentStore().list().count());
  }

  @Test
  void invalidKeys_areRefused() throws IOException {
    TestStorage s = new TestStorage(tmp);
    s.createImage("app", new TarBuilder().file("a", "a").build());
    assertThrows(InvalidParameterException.class, () -> s.service.prepareRootfs("../x", "app"));
  }
}
