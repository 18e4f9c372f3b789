package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.RegistryTestSupport.Events;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.ImageManifest;
import dev.berth.storage.distribution.manifest.ManifestParser;
import dev.berth.storage.distribution.manifest.MediaTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers stored uncompressed (import, load, build, commit) go up gzip-compressed, as dockerd pushes them. */
class CompressedPushTest {
  private FakeRegistry reg;
  private RegistryClient client;
  private TransferManager transfers;
  private ImagePusher pusher;
  private final MemoryBlobStore local = new MemoryBlobStore();
  private final byte[] tar = "file content\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
  private final Digest diffId = Digest.sha256(tar);
  private final byte[] config = ("{\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId
      + "\"]}}").getBytes(StandardCharsets.UTF_8);
  private final Descriptor configDesc = Descriptor.of(MediaTypes.DOCKER_CONFIG, Digest.sha256(config),
      config.length);

  @BeforeEach
  void setUp() throws Exception {
    reg = new FakeRegistry();
    client = RegistryTestSupport.client();
    transfers = TransferManager.defaults();
    pusher = new ImagePusher(client, transfers, RegistryTestSupport.FAST, 4096);
    local.put(tar);
    local.put(config);
  }

  @AfterEach
  void tearDown() {
    transfers.close();
    client.close();
    reg.close();
  }

  private PushResult push(String ref, List<KnownBlob> known, Events events) {
    PushLayer layer = new PushLayer(Descriptor.of(MediaTypes.OCI_LAYER, diffId, tar.length), diffId,
        diffId.shortHex(), known);
    return pusher.push(PushRequest.of(RemoteReference.parse(reg.host() + "/" + ref), null, configDesc,
        List.of(layer)), local, events);
  }

  @Test
  void uncompressedLayer_goesUpGzipped_underADockerSchema2Manifest() throws IOException {
    Events events = new Events();
    PushResult r = push("app:v1", List.of(), events);

    assertEquals(MediaTypes.DOCKER_MANIFEST, r.mediaType());
    ImageManifest m = (ImageManifest) ManifestParser.parse(r.manifest(), r.mediaType(), "v1").manifest();
    assertEquals(MediaTypes.DOCKER_CONFIG, m.config().mediaType());
    Descriptor layer = m.layers().get(0);
    assertEquals(MediaTypes.DOCKER_LAYER, layer.mediaType());
    assertEquals(List.of(layer), r.layers());
    byte[] blob = reg.blob("app", layer.digest());
    assertEquals(blob.length, layer.size());
    assertTrue(blob.length < tar.length / 10, "compressed: " + blob.length);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(blob))) {
      assertArrayEquals(tar, in.readAllBytes());
    }
    assertTrue(!reg.hasBlob("app", diffId), "the uncompressed tar is not uploaded");
    assertEquals(1, reg.count("PATCH /v2/app/blobs/uploads/"), "one streamed PATCH: " + reg.requests);
    assertEquals(List.of("Preparing", "Pushing", "Pushed"), events.statusesOf(diffId.shortHex()));
  }

  @Test
  void knownBlobInTheTargetRepository_isFoundWithoutCompressing() {
    Descriptor pushed = push("app:v1", List.of(), new Events()).layers().get(0);
    reg.requests.clear();
    Events again = new Events();
    PushResult r = push("app:v2", List.of(new KnownBlob(pushed, "app")), again);

    assertEquals(List.of("Preparing", "Layer already exists"), again.statusesOf(diffId.shortHex()));
    assertEquals(List.of(pushed), r.layers());
    assertEquals(0, reg.count("PATCH "), reg.requests.toString());
    assertEquals(1, reg.count("HEAD /v2/app/blobs/" + pushed.digest()), reg.requests.toString());
  }

  @Test
  void knownBlobInAnotherRepository_isMounted() {
    Descriptor pushed = push("base:v1", List.of(), new Events()).layers().get(0);
    Events events = new Events();
    PushResult r = push("derived:v1", List.of(new KnownBlob(pushed, "base")), events);

    assertEquals(List.of("Preparing", "Mounted from base"), events.statusesOf(diffId.shortHex()));
    assertEquals(MediaTypes.DOCKER_MANIFEST, r.mediaType());
    assertTrue(reg.hasBlob("derived", pushed.digest()));
    assertEquals(1, reg.count("PATCH "), "only the first push uploaded the layer");
  }

  @Test
  void staleKnownBlob_fallsBackToCompressingAgain() {
    Descriptor gone = Descriptor.of(MediaTypes.DOCKER_LAYER, Digest.sha256(new byte[] {1}), 1);
    Events events = new Events();
    PushResult r = push("app:v1", List.of(new KnownBlob(gone, "app"), new KnownBlob(gone, "elsewhere")), events);

    assertEquals(List.of("Preparing", "Pushing", "Pushed"), events.statusesOf(diffId.shortHex()));
    assertTrue(reg.hasBlob("app", r.layers().get(0).digest()));
  }

  @Test
  void knownBlobStore_remembersPerRegistry_newestFirst(@TempDir Path dir) {
    KnownBlobStore store = new KnownBlobStore(dir.resolve("known.json"));
    Descriptor a = Descriptor.of(MediaTypes.DOCKER_LAYER, Digest.sha256(new byte[] {1}), 10);
    Descriptor b = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.sha256(new byte[] {2}), 20);
    store.record(List.of(diffId), List.of(a), "reg.example:5000", "team/app");
    store.record(List.of(diffId), List.of(b), "reg.example:5000", "library/busybox");
    store.record(List.of(diffId), List.of(b), "docker.io", "library/busybox");

    KnownBlobStore reopened = new KnownBlobStore(dir.resolve("known.json"));
    assertEquals(List.of(new KnownBlob(b, "library/busybox"), new KnownBlob(a, "team/app")),
        reopened.lookup(diffId, "reg.example:5000"));
    assertEquals(List.of(new KnownBlob(b, "library/busybox")), reopened.lookup(diffId, "docker.io"));
    assertEquals(List.of(), reopened.lookup(diffId, "reg.example"));
    assertEquals(List.of(), reopened.lookup(configDesc.digest(), "reg.example:5000"));
  }
}
