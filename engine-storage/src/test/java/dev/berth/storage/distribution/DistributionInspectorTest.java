package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.ManifestJson;
import dev.berth.storage.distribution.manifest.ManifestList;
import dev.berth.storage.distribution.manifest.MediaTypes;
import dev.berth.storage.distribution.manifest.Platform;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DistributionInspectorTest {
  private FakeRegistry reg;
  private RegistryClient client;

  @BeforeEach
  void setUp() throws Exception {
    reg = new FakeRegistry();
    client = RegistryTestSupport.client();
  }

  @AfterEach
  void tearDown() {
    client.close();
    reg.close();
  }

  @Test
  void singleManifest_platformComesFromConfig() {
    TestImage img = TestImage.create("amd64", 1, 10).publish(reg, "one", "v1");
    DistributionInspect r = new DistributionInspector(client).inspect(RemoteReference.parse(reg.host() + "/one:v1"),
        AuthConfig.ANONYMOUS);
    assertEquals(img.manifestDigest(), r.descriptor().digest());
    assertEquals(MediaTypes.DOCKER_MANIFEST, r.descriptor().mediaType());
    assertEquals(img.manifest().length, r.descriptor().size());
    assertEquals(List.of(Platform.of("linux", "amd64", null)), r.platforms());
  }

  @Test
  void index_listsEveryEntrysPlatform() {
    TestImage a = TestImage.create("amd64", 2, 10).publish(reg, "multi", null);
    Platform arm = Platform.of("linux", "arm", "v7");
    byte[] list = ManifestJson.goIndent(new ManifestList(2, MediaTypes.OCI_INDEX, List.of(
        new Descriptor(MediaTypes.DOCKER_MANIFEST, a.manifestDigest(), a.manifest().length, null, null,
            Platform.of("linux", "amd64", null), null),
        new Descriptor(MediaTypes.DOCKER_MANIFEST, a.manifestDigest(), a.manifest().length, null, null, arm, null)),
        null));
    reg.putManifest("multi", "latest", MediaTypes.OCI_INDEX, list);
    DistributionInspect r = new DistributionInspector(client).inspect(RemoteReference.parse(reg.host() + "/multi"),
        AuthConfig.ANONYMOUS);
    assertEquals(MediaTypes.OCI_INDEX, r.descriptor().mediaType());
    assertEquals(List.of(Platform.of("linux", "amd64", null), arm), r.platforms());
  }
}
