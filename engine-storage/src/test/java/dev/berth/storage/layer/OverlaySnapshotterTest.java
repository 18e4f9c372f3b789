package dev.berth.storage.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.types.MountSpec;
import dev.berth.storage.linux.FakeFsOps;
import dev.berth.storage.tar.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlaySnapshotterTest {
  @TempDir Path tmp;

  private static List<Snapshotter.LayerSource> sources(String... ids) {
    List<Snapshotter.LayerSource> out = new ArrayList<>();
    for (String id : ids) {
      out.add(new Snapshotter.LayerSource(id, () -> {
        throw new AssertionError("overlay never replays tars");
      }));
    }
    return out;
  }

  @Test
  void layersGetDiffLinkAndLower_andPrepareDescribesAnOverlayThroughShortLinks() throws IOException {
    OverlaySnapshotter o = new OverlaySnapshotter(tmp.resolve("overlay2"), new FakeFsOps(), false);
    o.unpack("base", List.of(), new ByteArrayInputStream(new TarBuilder().file("a", "1").build()));
    o.unpack("top", List.of("base"), new ByteArrayInputStream(new TarBuilder().file("b", "2").build()));
    Path root = tmp.resolve("overlay2");
    String baseLink = Files.readString(root.resolve("base/link"));
    String topLink = Files.readString(root.resolve("top/link"));
    assertEquals(26, baseLink.length());
    assertEquals("l/" + baseLink, Files.readString(root.resolve("top/lower")));
    assertEquals("1", Files.readString(root.resolve("l").resolve(baseLink).resolve("a")));

    List<MountSpec> m = o.prepare("ctr", sources("base", "top"));
    assertEquals(1, m.size());
    assertEquals("overlay", m.get(0).type());
    assertEquals(List.of(
        "lowerdir=" + root.resolve("l").resolve(topLink) + ":" + root.resolve("l").resolve(baseLink),
        "upperdir=" + root.resolve("ctr/diff"),
        "workdir=" + root.resolve("ctr/work")), m.get(0).options());
    assertEquals("l/" + topLink + ":l/" + baseLink, Files.readString(root.resolve("ctr/lower")));
    assertEquals(root.resolve("ctr/diff"), o.upperDir("ctr"));
    assertEquals(java.util.Set.of("ctr"), o.keys());
    assertEquals(m, o.prepare("ctr", sources("base", "top")));
    o.remove("ctr");
    assertFalse(Files.exists(root.resolve("ctr")));
    o.removeLayer("top");
    assertFalse(Files.exists(root.resolve("l").resolve(topLink)));
  }

  @Test
  void hundredLayersFitIntoOnePage_whenMountedFromTheLinkDirectory() throws IOException {
    OverlaySnapshotter o = new OverlaySnapshotter(tmp.resolve("overlay2"), new FakeFsOps(), false);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String id = String.format("%064x", i);
      o.unpack(id, List.copyOf(ids), new ByteArrayInputStream(new TarBuilder().build()));
      ids.add(id);
    }
    List<MountSpec> m = o.prepare("ctr", sources(ids.toArray(String[]::new)));
    String lowerdir = m.get(0).options().get(0).substring("lowerdir=".length());
    assertTrue(m.get(0).options().get(0).startsWith("lowerdir="));
    String linkDir = tmp.resolve("overlay2/l") + "/";
    List<String> relative = new ArrayList<>();
    for (String lower : lowerdir.split(":")) {
      assertTrue(lower.startsWith(linkDir), lower);
      relative.add(lower.substring(linkDir.length()));
    }
    String compact = "lowerdir=" + String.join(":", relative) + "," + m.get(0).options().get(1) + ","
        + m.get(0).options().get(2);
    assertTrue(compact.length() < 4096, "compacted options are " + compact.length() + " bytes");
  }

  @Test
  void indexOffComesFirstWhenTheKernelHasTheParameter() throws IOException {
    OverlaySnapshotter o = new OverlaySnapshotter(tmp.resolve("overlay2"), new FakeFsOps(), true);
    o.unpack("base", List.of(), new ByteArrayInputStream(new TarBuilder().build()));
    assertEquals("index=off", o.prepare("ctr", sources("base")).get(0).options().get(0));
  }

  @Test
  void noLayers_isABindMountOfTheUpperDir() throws IOException {
    OverlaySnapshotter o = new OverlaySnapshotter(tmp.resolve("overlay2"), new FakeFsOps(), false);
    assertEquals(List.of(new MountSpec("bind", tmp.resolve("overlay2/ctr/diff").toString(),
        List.of("rbind", "rw"))), o.prepare("ctr", List.of()));
  }

  @Test
  void failedUnpackLeavesNothing() throws IOException {
    OverlaySnapshotter o = new OverlaySnapshotter(tmp.resolve("overlay2"), new FakeFsOps(), false);
    byte[] evil = new TarBuilder().file("a", "1").file("../x", "2").build();
    assertThrows(InvalidParameterException.class, () -> o.unpack("bad", List.of(), new ByteArrayInputStream(evil)));
    assertEquals(java.util.Set.of(), o.layerIds());
    try (var s = Files.list(tmp.resolve("overlay2"))) {
      assertEquals(List.of(tmp.resolve("overlay2/l")), s.toList());
    }
  }
}
