package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.UnauthorizedException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.RegistryTestSupport.Events;
import dev.berth.storage.distribution.manifest.MediaTypes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImagePusherTest {
  private FakeRegistry reg;
  private RegistryClient client;
  private TransferManager transfers;
  private final MemoryBlobStore local = new MemoryBlobStore();
  private final Events events = new Events();

  @BeforeEach
  void setUp() throws Exception {
    reg = new FakeRegistry();
    client = RegistryTestSupport.client();
    transfers = TransferManager.defaults();
  }

  @AfterEach
  void tearDown() {
    transfers.close();
    client.close();
    reg.close();
  }

  private ImagePusher pusher(long chunkSize) {
    return new ImagePusher(client, transfers, RegistryTestSupport.FAST, chunkSize);
  }

  private RemoteReference ref(String s) {
    return RemoteReference.parse(reg.host() + "/" + s);
  }

  @Test
  void push_uploadsBlobsAndManifest_thenSecondPushFindsLayersPresent() {
    TestImage img = TestImage.create("amd64", 1, 1000, 2000);
    img.storeIn(local);
    PushResult r = pusher(ImagePusher.DEFAULT_CHUNK_SIZE).push(img.pushRequest(ref("app:v1"), null, List.of()),
        local, events);

    assertEquals("v1", r.tag());
    assertEquals(img.manifestDigest(), r.digest(), "same bytes as docker/distribution's MarshalIndent");
    assertEquals(img.manifest().length, r.size());
    assertArrayEquals(img.manifest(), reg.manifest("app", "v1").content());
    assertEquals(MediaTypes.DOCKER_MANIFEST, reg.manifest("app", "v1").mediaType());
    for (byte[] layer : img.layers()) {
      assertTrue(reg.hasBlob("app", Digest.sha256(layer)));
    }
    String top = img.layerDescriptors().get(1).shortId();
    assertEquals(top + " Preparing", events.statuses().get(0), "top-most layer first");
    assertEquals(List.of("Preparing", "Pushing", "Pushed"), events.statusesOf(top));

    Events again = new Events();
    pusher(ImagePusher.DEFAULT_CHUNK_SIZE).push(img.pushRequest(ref("app:v2"), null, List.of()), local, again);
    assertEquals(List.of("Preparing", "Layer already exists"), again.statusesOf(top));
  }

  @Test
  void crossRepositoryMount_withBearerScopesForTheSourceRepository() {
    reg.auth = FakeRegistry.Auth.BEARER;
    TestImage img = TestImage.create("amd64", 2, 1000, 2000).publish(reg, "base", "v1");
    img.storeIn(local);
    AuthConfig alice = AuthConfig.basic("alice", "secret");
    pusher(ImagePusher.DEFAULT_CHUNK_SIZE).push(img.pushRequest(ref("derived:v1"), alice, List.of("base")), local,
        events);

    String id = img.layerDescriptors().get(0).shortId();
    assertEquals(List.of("Preparing", "Mounted from base"), events.statusesOf(id));
    assertEquals(2, reg.count("POST /v2/derived/blobs/uploads/?mount="), reg.requests.toString());
    assertEquals(1, reg.count("PUT /v2/derived/blobs/uploads/"), "only the config blob is uploaded");
    assertTrue(reg.hasBlob("derived", img.layerDescriptors().get(1).digest()));
  }

  @Test
  void largeBlobs_goUpInPatchChunks_withAbsoluteLocations() {
    reg.absoluteLocations = true;
    TestImage img = TestImage.create("amd64", 3, 2500);
    img.storeIn(local);
    pusher(1000).push(img.pushRequest(ref("chunky:v1"), null, List.of()), local, events);
    assertEquals(3, reg.count("PATCH /v2/chunky/blobs/uploads/"), reg.requests.toString());
    assertArrayEquals(img.layers().get(0), reg.blob("chunky", img.layerDescriptors().get(0).digest()));
  }

  @Test
  void pushWithoutPushRights_isUnauthorized() {
    reg.auth = FakeRegistry.Auth.BEARER;
    TestImage img = TestImage.create("amd64", 4, 10);
    img.storeIn(local);
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> pusher(1 << 20).push(
        img.pushRequest(ref("app:v1"), AuthConfig.ANONYMOUS, List.of()), local, events));
    assertEquals("unauthorized: authentication required", e.getMessage());
  }
}
