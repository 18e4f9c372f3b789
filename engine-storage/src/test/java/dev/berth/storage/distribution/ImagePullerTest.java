package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.distribution.RegistryTestSupport.Events;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.ManifestJson;
import dev.berth.storage.distribution.manifest.ManifestList;
import dev.berth.storage.distribution.manifest.MediaTypes;
import dev.berth.storage.distribution.manifest.Platform;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImagePullerTest {
  private FakeRegistry reg;
  private RegistryClient client;
  private TransferManager transfers;
  private ImagePuller puller;
  private final MemoryBlobStore store = new MemoryBlobStore();
  private final Events events = new Events();

  @BeforeEach
  void setUp() throws Exception {
    reg = new FakeRegistry();
    client = RegistryTestSupport.client();
    transfers = TransferManager.defaults();
    puller = new ImagePuller(client, transfers, RegistryTestSupport.FAST);
  }

  @AfterEach
  void tearDown() {
    transfers.close();
    client.close();
    reg.close();
  }

  private RemoteReference ref(String s) {
    return RemoteReference.parse(reg.host() + "/" + s);
  }

  @Test
  void pullByTag_storesBlobsAndReportsDockerdStatusOrder() {
    TestImage img = TestImage.create("amd64", 1, 3000, 70_000).publish(reg, "app", "v1");
    PullResult r = puller.pull(PullRequest.of(ref("app:v1"), null, null), store, events);

    assertEquals(img.manifestDigest(), r.manifestDigest());
    assertNull(r.index());
    assertArrayEquals(img.config(), r.config());
    for (int i = 0; i < img.layers().size(); i++) {
      assertArrayEquals(img.layers().get(i), store.blobs.get(img.layerDescriptors().get(i).digest()));
    }
    assertTrue(store.exists(img.manifestDigest()));
    String first = img.layerDescriptors().get(0).shortId();
    assertEquals("v1 Pulling from app", events.statuses().get(0));
    assertEquals(List.of("Pulling fs layer", "Downloading", "Verifying Checksum", "Download complete"),
        events.statusesOf(first));
    assertTrue(reg.count("HEAD /v2/app/manifests/v1") == 1, reg.requests.toString());
    assertTrue(reg.count("GET /v2/app/manifests/" + img.manifestDigest()) == 1, reg.requests.toString());
  }

  @Test
  void pullByDigest_usesWholeReferenceAsId() {
    TestImage img = TestImage.create("amd64", 2, 100).publish(reg, "app", null);
    PullResult r = puller.pull(PullRequest.of(ref("app@" + img.manifestDigest()), null, null), store, events);
    assertEquals(img.manifestDigest(), r.manifestDigest());
    assertEquals(reg.host() + "/app@" + img.manifestDigest() + " Pulling from app", events.statuses().get(0));
  }

  @Test
  void existingLayer_isAlreadyExistsAndNotDownloaded() {
    TestImage img = TestImage.create("amd64", 3, 100, 200).publish(reg, "app", "v1");
    store.put(img.layers().get(0));
    puller.pull(PullRequest.of(ref("app:v1"), null, null), store, events);
    String id = img.layerDescriptors().get(0).shortId();
    assertEquals(List.of("Already exists"), events.statusesOf(id));
    assertEquals(0, reg.count("GET /v2/app/blobs/" + img.layerDescriptors().get(0).digest()));
  }

  @Test
  void unknownTag_isNotFoundWithDockerdMessage() {
    TestImage.create("amd64", 4, 10).publish(reg, "x", "v1");
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> puller.pull(PullRequest.of(ref("x:nope"), null, null), store, events));
    assertEquals("manifest for " + reg.host() + "/x:nope not found: manifest unknown: manifest unknown",
        e.getMessage());
  }

  @Test
  void bearerFlow_pingsThenFetchesOneTokenForTheWholePull() {
    reg.auth = FakeRegistry.Auth.BEARER;
    TestImage img = TestImage.create("amd64", 5, 100, 200, 300).publish(reg, "team/app", "v1");
    puller.pull(PullRequest.of(ref("team/app:v1"), null, AuthConfig.basic("alice", "secret")), store, events);
    assertEquals("GET /v2/", reg.requests.get(0));
    assertEquals(1, reg.tokenRequests.get());
    assertTrue(reg.requests.stream().anyMatch(r -> r.startsWith("GET /token?service=fake&scope=repository%3Ateam"
        + "%2Fapp%3Apull&account=alice")), reg.requests.toString());
    assertTrue(store.exists(img.layerDescriptors().get(2).digest()));
  }

  @Test
  void bearerFlow_anonymousTokenWorksForPulls() {
    reg.auth = FakeRegistry.Auth.BEARER;
    TestImage.create("amd64", 6, 100).publish(reg, "pub", "v1");
    puller.pull(PullRequest.of(ref("pub:v1"), null, AuthConfig.ANONYMOUS), store, events);
    assertEquals(1, reg.tokenRequests.get());
  }

  @Test
  void basicAuth_sendsCredentials_andWithoutThemFailsLikeDockerd() {
    reg.auth = FakeRegistry.Auth.BASIC;
    TestImage.create("amd64", 7, 100).publish(reg, "priv", "v1");
    puller.pull(PullRequest.of(ref("priv:v1"), null, AuthConfig.basic("alice", "secret")), store, events);

    SystemException e = assertThrows(SystemException.class,
        () -> puller.pull(PullRequest.of(ref("priv:v1"), null, null), new MemoryBlobStore(), events));
    assertEquals("Head \"http://" + reg.host() + "/v2/priv/manifests/v1\": no basic auth credentials", e.getMessage());
  }

  @Test
  void manifestList_selectsHostPlatformOrRequestedOne() {
    TestImage amd = TestImage.create("amd64", 10, 100).publish(reg, "multi", null);
    TestImage arm = TestImage.create("arm64", 11, 100).publish(reg, "multi", null);
    TestImage armv7 = TestImage.create("arm", 12, 100).publish(reg, "multi", null);
    ManifestList list = new ManifestList(2, MediaTypes.DOCKER_MANIFEST_LIST, List.of(
        entry(armv7, Platform.of("linux", "arm", "v7")),
        entry(arm, Platform.of("linux", "arm64", "v8")),
        entry(amd, Platform.of("linux", "amd64", null))), null);
    byte[] listBytes = ManifestJson.goIndent(list);
    var listDigest = reg.putManifest("multi", "latest", MediaTypes.DOCKER_MANIFEST_LIST, listBytes);

    PullResult host = puller.pull(PullRequest.of(ref("multi"), null, null), store, events);
    assertEquals(listDigest, host.manifestDigest());
    assertEquals(amd.manifestDigest(), host.manifest().digest());

    PullResult a = puller.pull(PullRequest.of(ref("multi"), Platform.parse("linux/arm64"), null), store, events);
    assertEquals(arm.manifestDigest(), a.manifest().digest());
    PullResult v8 = puller.pull(PullRequest.of(ref("multi"), Platform.parse("linux/arm/v8"), null), store,
        events);
    assertEquals(armv7.manifestDigest(), v8.manifest().digest(), "arm/v8 runs arm/v7");
    NoMatchingManifestException v6 = assertThrows(NoMatchingManifestException.class,
        () -> puller.pull(PullRequest.of(ref("multi"), Platform.parse("linux/arm/v6"), null), store, events));
    assertEquals("no matching manifest for linux/arm/v6 in the manifest list entries", v6.getMessage());
  }

  @Test
  void manifestList_withoutMatch_failsWithDockerdMessage() {
    TestImage arm = TestImage.create("arm64", 13, 100).publish(reg, "armonly", null);
    byte[] list = ManifestJson.goIndent(new ManifestList(2, MediaTypes.OCI_INDEX,
        List.of(entry(arm, Platform.of("linux", "arm64", null))), null));
    reg.putManifest("armonly", "latest", MediaTypes.OCI_INDEX, list);
    SystemException e = assertThrows(SystemException.class,
        () -> puller.pull(PullRequest.of(ref("armonly"), null, null), store, events));
    assertEquals("no matching manifest for linux/amd64 in the manifest list entries", e.getMessage());
    SystemException s390 = assertThrows(SystemException.class,
        () -> puller.pull(PullRequest.of(ref("armonly"), Platform.parse("linux/s390x"), null), store, events));
    assertEquals("no matching manifest for linux/s390x in the manifest list entries", s390.getMessage());
  }

  private static Descriptor entry(TestImage img, Platform p) {
    return new Descriptor(MediaTypes.DOCKER_MANIFEST, img.manifestDigest(), img.manifest().length, null, null, p,
        null);
  }

  @Test
  void corruptedLayer_isRejectedAfterRetries() {
    TestImage img = TestImage.create("amd64", 20, 500).publish(reg, "bad", "v1");
    Descriptor layer = img.layerDescriptors().get(0);
    byte[] wrong = img.layers().get(0).clone();
    wrong[10] ^= 1;
    reg.corrupt.put(layer.digest(), wrong);
    ImagePuller twoTries = new ImagePuller(client, transfers, new RetryPolicy(2, Duration.ofMillis(1)));
    SystemException e = assertThrows(SystemException.class,
        () -> twoTries.pull(PullRequest.of(ref("bad:v1"), null, null), store, events));
    assertEquals("filesystem layer verification failed for digest " + layer.digest(), e.getMessage());
    assertFalse(store.exists(layer.digest()));
    assertEquals(2, reg.count("GET /v2/bad/blobs/" + layer.digest()));
    assertTrue(events.statusesOf(layer.shortId()).contains("Retrying in 5 seconds"));
  }

  @Test
  void corruptedManifest_fetchedByDigest_isRejected() {
    TestImage img = TestImage.create("amd64", 21, 10).publish(reg, "m", null);
    var bogus = dev.berth.storage.digest.Digest.sha256("something else");
    reg.putManifest("m", bogus.toString(), MediaTypes.DOCKER_MANIFEST, img.manifest());
    SystemException e = assertThrows(SystemException.class,
        () -> puller.pull(PullRequest.of(ref("m@" + bogus), null, null), store, events));
    assertEquals("manifest verification failed for digest " + bogus, e.getMessage());
  }

  @Test
  void droppedConnection_resumesWithRange() {
    TestImage img = TestImage.create("amd64", 30, 200_000).publish(reg, "big", "v1");
    Descriptor layer = img.layerDescriptors().get(0);
    reg.dropDigest = layer.digest();
    reg.dropAfter = 70_000;
    puller.pull(PullRequest.of(ref("big:v1"), null, null), store, events);
    assertArrayEquals(img.layers().get(0), store.blobs.get(layer.digest()));
    assertEquals(1, reg.count("GET /v2/big/blobs/" + layer.digest() + " range=bytes=70000-"), reg.requests.toString());
    List<String> st = events.statusesOf(layer.shortId());
    assertTrue(st.indexOf("Retrying in 5 seconds") < st.indexOf("Download complete"), st.toString());
  }

  @Test
  void concurrentPullsOfOneLayer_downloadItOnce() throws Exception {
    TestImage img = TestImage.create("amd64", 40, 50_000).publish(reg, "shared", "v1");
    Descriptor layer = img.layerDescriptors().get(0);
    reg.blobGate = new CountDownLatch(1);
    Events second = new Events();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<PullResult> a = pool.submit(() -> puller.pull(PullRequest.of(ref("shared:v1"), null, null), store,
          events));
      Future<PullResult> b = pool.submit(() -> puller.pull(PullRequest.of(ref("shared:v1"), null, null), store,
          second));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while ((!events.statusesOf(layer.shortId()).contains("Pulling fs layer")
          || !second.statusesOf(layer.shortId()).contains("Pulling fs layer")) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(200);
      reg.blobGate.countDown();
      a.get();
      b.get();
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, reg.count("GET /v2/shared/blobs/" + layer.digest()), reg.requests.toString());
    assertTrue(second.statusesOf(layer.shortId()).contains("Download complete"));
  }

  @Test
  void blobRedirects_areFollowed_withoutLeakingAuthorizationToOtherHosts() {
    reg.auth = FakeRegistry.Auth.BEARER;
    reg.redirectBlobs = true;
    TestImage img = TestImage.create("amd64", 50, 5000).publish(reg, "redir", "v1");
    puller.pull(PullRequest.of(ref("redir:v1"), null, null), store, events);
    Descriptor layer = img.layerDescriptors().get(0);
    assertArrayEquals(img.layers().get(0), store.blobs.get(layer.digest()));
    assertEquals(1, reg.count("GET /v2/redir/blobs/" + layer.digest() + " [auth]"), reg.requests.toString());
    assertEquals(1, reg.count("GET /storage/redir@" + layer.digest()), reg.requests.toString());
    assertEquals(0, reg.count("GET /storage/redir@" + layer.digest() + " [auth]"));
  }

  @Test
  void identityToken_isExchangedWithOAuthRefreshGrant() {
    reg.auth = FakeRegistry.Auth.BEARER;
    TestImage.create("amd64", 51, 100).publish(reg, "oauth", "v1");
    AuthConfig withIdentity = new AuthConfig("alice", null, null, null, "refresh-1", null);
    puller.pull(PullRequest.of(ref("oauth:v1"), null, withIdentity), store, events);
    assertEquals(1, reg.count("POST /token"), reg.requests.toString());
    assertEquals(0, reg.count("GET /token"));
  }

  @Test
  void mirrorWithoutTheImage_fallsBackToTheNextEndpoint() throws Exception {
    try (FakeRegistry origin = new FakeRegistry()) {
      TestImage img = TestImage.create("amd64", 52, 100).publish(origin, "library/busybox", "latest");
      RemoteReference hub = RemoteReference.parse("busybox");
      List<RegistryEndpoint> eps = List.of(
          new RegistryEndpoint(java.net.URI.create("http://" + reg.host() + "/"), true, true, false),
          new RegistryEndpoint(java.net.URI.create("http://" + origin.host() + "/"), false, true, false));
      var top = EndpointFallback.run(eps, ep -> client.session(ep, hub.path(), "pull", AuthConfig.ANONYMOUS, false),
          s -> ManifestFetcher.fetch(s, hub));
      assertEquals(img.manifestDigest(), top.digest());
      assertEquals(1, reg.count("HEAD /v2/library/busybox/manifests/latest"));
    }
  }

  @Test
  void connectionRefused_hasGoLikeMessage() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    SystemException e = assertThrows(SystemException.class, () -> puller.pull(
        PullRequest.of(RemoteReference.parse("127.0.0.1:" + port + "/x"), null, null), store, events));
    assertEquals("Get \"http://127.0.0.1:" + port + "/v2/\": dial tcp 127.0.0.1:" + port
        + ": connect: connection refused", e.getMessage());
  }
}
