package dev.berth.storage.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.gc.Lease;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.oci.Descriptor;
import dev.berth.storage.oci.MediaTypes;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.tar.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The path a registry pull takes: compressed blob in the content store → layer → image with tag and digest. */
class PulledImageTest {
  @TempDir Path tmp;

  @Test
  void pulledImage_hasRepoDigests_savesUncompressed_andRmiRemovesDigestRefs() throws IOException {
    TestStorage s = new TestStorage(tmp);
    ImageService images = s.service;
    byte[] tar = new TarBuilder().file("bin/tool", "tool").build();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tar);
    }
    Digest manifestDigest = Digest.sha256("a manifest");
    Image img;
    try (Lease lease = images.leases().open()) {
      Digest blob = images.contentStore().put(gz.toByteArray(), null);
      lease.protect(blob);
      Layer l = images.layerStore().registerBlob(
          Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, blob, gz.size()), null, Digest.sha256(tar), lease);
      assertEquals(tar.length, l.tarSize());
      assertEquals(blob, l.blob().digestValue());
      String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-01T00:00:00Z\","
          + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + l.diffId() + "\"]}}";
      img = images.createImage(config.getBytes(StandardCharsets.UTF_8), List.of(
          ImageReference.parse("registry.example:5000/team/tool:1.0"),
          ImageReference.parse("registry.example:5000/team/tool@" + manifestDigest)));
    }
    ImageSummary row = images.list(Filters.none(), false).get(0);
    assertEquals(List.of("registry.example:5000/team/tool:1.0"), row.repoTags());
    assertEquals(List.of("registry.example:5000/team/tool@" + manifestDigest), row.repoDigests());
    assertEquals(img, images.get("registry.example:5000/team/tool@" + manifestDigest));

    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    images.save(List.of("registry.example:5000/team/tool:1.0"), saved);
    assertTrue(images.collectGarbage().layersRemoved().isEmpty());
    var files = dev.berth.storage.archive.SaveLoadTest.untar(saved.toByteArray());
    assertEquals(Digest.sha256(tar), Digest.sha256(files.get("blobs/sha256/" + Digest.sha256(tar).hex())));

    List<ImageDeleteItem> out = images.delete("registry.example:5000/team/tool:1.0", false, true);
    assertEquals(ImageDeleteItem.untagged("registry.example:5000/team/tool:1.0"), out.get(0));
    assertEquals(ImageDeleteItem.untagged("registry.example:5000/team/tool@" + manifestDigest), out.get(1));
    assertEquals(ImageDeleteItem.deleted(img.id().toString()), out.get(2));
    assertEquals(0, images.contentStore().list().count(), "the compressed blob went with its layer");
  }

  @Test
  void unknownBlobsSurviveTheGracePeriod_butGoAtOpen() throws IOException {
    TestStorage s = new TestStorage(tmp);
    Digest blob = s.service.contentStore().put(new ByteArrayInputStream("in flight".getBytes()), null);
    s.service.collectGarbage();
    assertTrue(s.service.contentStore().exists(blob), "a pull may still be registering it");
    s.reopen();
    assertTrue(!s.service.contentStore().exists(blob));
  }
}
