package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.errors.UnauthorizedException;
import dev.berth.storage.distribution.RegistryTestSupport.Events;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.MediaTypes;
import dev.berth.storage.distribution.manifest.Platform;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Push and pull against the real Debian docker-registry (distribution 2.8), with and without htpasswd auth. */
class RegistryIT {
  private RegistryClient client;
  private TransferManager transfers;
  private ImagePusher pusher;
  private ImagePuller puller;

  @BeforeEach
  void setUp() {
    assumeTrue(Files.isExecutable(RealRegistry.BINARY), "docker-registry is not installed");
    client = RegistryTestSupport.client();
    transfers = TransferManager.defaults();
    pusher = new ImagePusher(client, transfers, RegistryTestSupport.FAST, 48 * 1024);
    puller = new ImagePuller(client, transfers, RegistryTestSupport.FAST);
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      transfers.close();
      client.close();
    }
  }

  @Test
  void pushTwoLayers_thenPullByTagAndByDigest() throws Exception {
    try (RealRegistry reg = RealRegistry.start(false)) {
      TestImage img = TestImage.create("amd64", 7, 100_000, 3_000);
      MemoryBlobStore local = new MemoryBlobStore();
      img.storeIn(local);
      RemoteReference tagged = RemoteReference.parse(reg.host() + "/it/app:v1");
      Events pushEvents = new Events();
      PushResult pushed = pusher.push(img.pushRequest(tagged, null, List.of()), local, pushEvents);
      assertEquals(img.manifestDigest(), pushed.digest(), reg.log());
      assertEquals(List.of("Preparing", "Pushing", "Pushed"),
          pushEvents.statusesOf(img.layerDescriptors().get(0).shortId()));

      MemoryBlobStore fresh = new MemoryBlobStore();
      Events pullEvents = new Events();
      PullResult byTag = puller.pull(PullRequest.of(tagged, null, null), fresh, pullEvents);
      assertEquals(pushed.digest(), byTag.manifestDigest());
      assertArrayEquals(img.config(), byTag.config());
      for (Descriptor d : img.layerDescriptors()) {
        assertArrayEquals(local.blobs.get(d.digest()), fresh.blobs.get(d.digest()));
      }
      assertEquals("v1 Pulling from it/app", pullEvents.statuses().get(0));

      PullResult byDigest = puller.pull(PullRequest.of(tagged.withDigest(pushed.digest()), null, null),
          new MemoryBlobStore(), new Events());
      assertEquals(pushed.digest(), byDigest.manifestDigest());
      assertEquals(MediaTypes.DOCKER_MANIFEST, byDigest.manifest().mediaType());

      Events again = new Events();
      pusher.push(img.pushRequest(tagged.withTag("v2"), null, List.of()), local, again);
      assertEquals(List.of("Preparing", "Layer already exists"),
          again.statusesOf(img.layerDescriptors().get(1).shortId()));

      Events mounted = new Events();
      pusher.push(img.pushRequest(RemoteReference.parse(reg.host() + "/other/app:v1"), null, List.of("it/app")),
          local, mounted);
      assertEquals(List.of("Preparing", "Mounted from it/app"),
          mounted.statusesOf(img.layerDescriptors().get(0).shortId()));

      DistributionInspect info = new DistributionInspector(client).inspect(tagged, AuthConfig.ANONYMOUS);
      assertEquals(pushed.digest(), info.descriptor().digest());
      assertEquals(List.of(Platform.of("linux", "amd64", null)), info.platforms());

      NotFoundException missing = assertThrows(NotFoundException.class, () -> puller.pull(
          PullRequest.of(tagged.withTag("nope"), null, null), new MemoryBlobStore(), new Events()));
      assertEquals("manifest for " + reg.host() + "/it/app:nope not found: manifest unknown: manifest unknown",
          missing.getMessage());
    }
  }

  @Test
  void htpasswdRegistry_loginPushAndPull() throws Exception {
    try (RealRegistry reg = RealRegistry.start(true)) {
      RegistryLogin login = new RegistryLogin(client);
      UnauthorizedException bad = assertThrows(UnauthorizedException.class, () -> login.login(
          new AuthConfig(RealRegistry.USER, "wrong", null, reg.host(), null, null)));
      assertEquals("login attempt to http://" + reg.host() + "/v2/ failed with status: 401 Unauthorized",
          bad.getMessage());
      AuthConfig alice = new AuthConfig(RealRegistry.USER, RealRegistry.PASSWORD, null, reg.host(), null, null);
      assertEquals("Login Succeeded", login.login(alice).status());

      TestImage img = TestImage.create("amd64", 8, 20_000, 500);
      MemoryBlobStore local = new MemoryBlobStore();
      img.storeIn(local);
      RemoteReference ref = RemoteReference.parse(reg.host() + "/secure/app:v1");
      PushResult pushed = pusher.push(img.pushRequest(ref, alice, List.of()), local, new Events());

      SystemException anonymous = assertThrows(SystemException.class,
          () -> puller.pull(PullRequest.of(ref, null, null), new MemoryBlobStore(), new Events()));
      assertEquals("Head \"http://" + reg.host() + "/v2/secure/app/manifests/v1\": no basic auth credentials",
          anonymous.getMessage());

      MemoryBlobStore fresh = new MemoryBlobStore();
      PullResult pulled = puller.pull(PullRequest.of(ref, null, alice), fresh, new Events());
      assertEquals(pushed.digest(), pulled.manifestDigest());
      assertTrue(fresh.exists(img.layerDescriptors().get(0).digest()));
    }
  }
}
