package dev.berth.storage.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.NotFoundException;
import dev.berth.storage.Storage;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.image.ImageDeleteItem;
import dev.berth.storage.image.ImageEventListener;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.image.ImageUsage;
import dev.berth.storage.image.TestStorage;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.linux.FakeFsOps;
import dev.berth.storage.tar.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectorTest {
  @TempDir Path tmp;

  private static byte[] layer(String name) {
    return new TarBuilder().file(name, name).build();
  }

  @Test
  void sharedBaseLayer_livesUntilTheLastImageGoes() throws IOException {
    TestStorage s = new TestStorage(tmp);
    ImageService images = s.service;
    Digest one = s.createImage("one", layer("base"), layer("top1"));
    Digest two = s.createImage("two", layer("base"), layer("top2"));
    assertEquals(3, images.layerStore().all().size());
    assertEquals(3, images.contentStore().list().count());
    List<ImageDeleteItem> out = images.delete("one", false, true);
    assertEquals(3, out.size(), "untag, image, top layer only: " + out);
    assertEquals(2, images.layerStore().all().size());
    assertEquals(2, images.contentStore().list().count());
    images.delete("two", false, true);
    assertTrue(images.layerStore().all().isEmpty());
    assertEquals(0, images.contentStore().list().count(), "blobs of removed layers go at once");
    assertFalse(images.imageStore().get(one).isPresent() || images.imageStore().get(two).isPresent());
  }

  @Test
  void leasesProtectLayersWithoutImage() throws IOException {
    TestStorage s = new TestStorage(tmp);
    ImageService images = s.service;
    Lease lease = images.leases().open();
    Layer l = images.layerStore().register(new ByteArrayInputStream(layer("x")), null, null, lease);
    assertTrue(images.collectGarbage().layersRemoved().isEmpty());
    lease.close();
    assertEquals(List.of(l.chainId()), images.collectGarbage().layersRemoved());
    assertEquals(0, images.contentStore().list().count());
  }

  @Test
  void imageWithMissingLayer_cannotBeCreated() throws IOException {
    TestStorage s = new TestStorage(tmp);
    String config = "{\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + Digest.sha256("nothing") + "\"]}}";
    assertThrows(NotFoundException.class,
        () -> s.service.imageStore().create(config.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void reopeningAfterACrash_removesEverythingHalfDone() throws IOException {
    FakeFsOps fs = new FakeFsOps();
    Storage.Config cfg = new Storage.Config(tmp, "overlay2", "28.2.2");
    ImageService images = Storage.open(cfg, fs, ImageUsage.none(), ImageEventListener.none());
    Lease lease = images.leases().open();
    Layer kept = images.layerStore().register(new ByteArrayInputStream(layer("kept")), null, null, lease);
    String config = "{\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + kept.diffId() + "\"]}}";
    Digest id = images.imageStore().create(config.getBytes(StandardCharsets.UTF_8)).id();
    Layer orphan = images.layerStore().register(new ByteArrayInputStream(layer("orphan")), null, null, lease);
    // crash simulations: metadata of the orphan never written; an unpack and an ingest interrupted; a stray blob
    Path layerdb = tmp.resolve("image/overlay2/layerdb/sha256");
    Files.delete(layerdb.resolve(orphan.chainId().hex() + ".json"));
    Files.createDirectories(tmp.resolve("overlay2/abc.tmp-123/diff"));
    Files.writeString(tmp.resolve("content/ingest/partial"), "half");
    Digest stray = images.contentStore().put("stray".getBytes(StandardCharsets.UTF_8), null);
    Files.createDirectories(tmp.resolve("tmp/load-x"));

    ImageService reopened = Storage.open(cfg, fs, ImageUsage.none(), ImageEventListener.none());
    assertEquals(id, reopened.get(id.hex()).id());
    assertEquals(List.of(kept.chainId()), reopened.layerStore().all().stream().map(Layer::chainId).toList());
    assertTrue(Files.isDirectory(tmp.resolve("overlay2").resolve(kept.cacheId()).resolve("diff")));
    assertFalse(Files.exists(tmp.resolve("overlay2").resolve(orphan.cacheId())));
    assertFalse(Files.exists(tmp.resolve("overlay2/abc.tmp-123")));
    assertFalse(Files.exists(tmp.resolve("content/ingest/partial")));
    assertFalse(reopened.contentStore().exists(stray));
    assertFalse(reopened.contentStore().exists(orphan.blob().digestValue()));
    assertTrue(reopened.contentStore().exists(kept.blob().digestValue()));
    assertFalse(Files.exists(tmp.resolve("tmp/load-x")));
    try (var links = Files.list(tmp.resolve("overlay2/l"))) {
      assertEquals(1, links.count(), "only the kept layer's short link remains");
    }
  }

  @Test
  void reopening_keepsContainerSnapshots() throws IOException {
    FakeFsOps fs = new FakeFsOps();
    Storage.Config cfg = new Storage.Config(tmp, "overlay2", "28.2.2");
    ImageService images = Storage.open(cfg, fs, ImageUsage.none(), ImageEventListener.none());
    Lease lease = images.leases().open();
    Layer base = images.layerStore().register(new ByteArrayInputStream(layer("base")), null, null, lease);
    String config = "{\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + base.diffId() + "\"]}}";
    Digest id = images.imageStore().create(config.getBytes(StandardCharsets.UTF_8)).id();
    lease.close();
    images.prepareRootfs("c0ffee", id.toString());
    Files.writeString(images.upperDir("c0ffee").resolve("written"), "x");

    ImageService reopened = Storage.open(cfg, fs, ImageUsage.none(), ImageEventListener.none());
    assertTrue(Files.exists(reopened.upperDir("c0ffee").resolve("written")));
  }
}
