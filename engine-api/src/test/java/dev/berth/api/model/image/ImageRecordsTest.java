package dev.berth.api.model.image;

import static dev.berth.api.model.Wire.read;
import static dev.berth.api.model.Wire.tree;
import static dev.berth.api.model.Wire.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.storage.DriverData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageRecordsTest {

  private static final String ID = "sha256:6d3e4188a38af91b0c1577b9e88c53368926b2fe0e1fb985d6e8a70040520c4d";

  @Test
  void inspect_api150Shape() {
    JsonNode json = tree(inspect());

    assertEquals(tree("{\"Env\":[\"PATH=/bin\"],\"Cmd\":[\"sh\"]}"), json.get("Config"));
    assertEquals(tree("[]"), json.get("RepoDigests"));
    assertFalse(json.has("VirtualSize"));
    assertFalse(json.has("Container"));
    assertFalse(json.has("ContainerConfig"));
    assertFalse(json.has("Variant"));
    assertFalse(json.has("OsVersion"));
    assertFalse(json.has("Manifests"));
    assertEquals(GoTime.ZERO, json.get("Metadata").get("LastTagTime").asText());
    assertEquals(tree("{\"Type\":\"layers\",\"Layers\":[\"sha256:aaa\"]}"), json.get("RootFS"));
    assertEquals("sha256:def", json.get("Descriptor").get("digest").asText());
    assertEquals(inspect(), read(write(inspect()), ImageInspectResponse.class));
  }

  @Test
  void inspect_olderApiVersionsGetLegacyFields() {
    JsonNode json = tree(inspect().forApiVersion(true, true, true));
    assertEquals(2_155_464, json.get("VirtualSize").asLong());
    assertFalse(json.has("Descriptor"));
    assertEquals("", json.get("Container").asText());
    assertEquals("", json.get("ContainerConfig").get("Hostname").asText());
    assertTrue(json.get("ContainerConfig").get("Volumes").isNull());
    assertFalse(tree(inspect().forApiVersion(false, false, false)).has("ContainerConfig"));

    JsonNode legacyConfig = tree(inspect().config().toContainerConfig());
    assertEquals("", legacyConfig.get("Hostname").asText());
    assertEquals(tree("[\"sh\"]"), legacyConfig.get("Cmd"));
    assertTrue(legacyConfig.get("Entrypoint").isNull());
    assertFalse(legacyConfig.has("ExposedPorts"));
  }

  @Test
  void imageConfig_fromContainerConfigKeepsImageFieldsOnly() {
    ContainerConfig.Builder b = ContainerConfig.empty().toBuilder();
    b.hostname = "abc";
    b.cmd = List.of("nginx");
    b.exposedPorts = Map.of("80/tcp", Map.of());
    b.stopSignal = "SIGQUIT";
    assertEquals(tree("{\"ExposedPorts\":{\"80/tcp\":{}},\"Cmd\":[\"nginx\"],\"StopSignal\":\"SIGQUIT\"}"),
        tree(ImageConfig.of(b.build())));
  }

  @Test
  void summary_virtualSizeOnlyBelow144_descriptorOnlyFrom148() {
    ImageSummary s = new ImageSummary(-1, 1_700_000_000L, ID, null, "", null, null, List.of(),
        List.of("busybox:latest"), -1, 2_155_464, 0);
    JsonNode json = tree(s);
    assertFalse(json.has("VirtualSize"));
    assertFalse(json.has("Descriptor"));
    assertFalse(json.has("Manifests"));
    assertTrue(json.get("Labels").isNull());
    assertEquals(-1, json.get("SharedSize").asInt());
    assertEquals(2_155_464, tree(s.forApiVersion(true, true)).get("VirtualSize").asLong());
  }

  @Test
  void deleteItems_carryExactlyOneKey() {
    assertEquals(tree("{\"Untagged\":\"busybox:latest\"}"), tree(ImageDeleteResponseItem.untagged("busybox:latest")));
    assertEquals(tree("{\"Deleted\":\"" + ID + "\"}"), tree(ImageDeleteResponseItem.deleted(ID)));
  }

  @Test
  void manifestSummary_andDistributionInspect() {
    OciDescriptor d = OciDescriptor.of("application/vnd.oci.image.manifest.v1+json", "sha256:def", 610)
        .withPlatform(OciPlatform.of("linux", "arm", "v7"));
    ImageManifestSummary m = new ImageManifestSummary("sha256:def", d, true,
        new ImageManifestSummary.Size(2_000, 5_000), ImageManifestSummary.KIND_IMAGE,
        new ImageManifestSummary.ImageProperties(OciPlatform.of("linux", "arm", "v7"),
            new ImageManifestSummary.UnpackedSize(3_000), List.of()), null);
    JsonNode json = tree(m);
    assertFalse(json.has("AttestationData"));
    assertEquals(tree("{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v7\"}"),
        json.get("ImageData").get("Platform"));
    assertEquals(3_000, json.get("ImageData").get("Size").get("Unpacked").asLong());

    DistributionInspectResponse di = new DistributionInspectResponse(d, List.of(OciPlatform.of("linux", "amd64", null)));
    assertEquals(tree("{\"Descriptor\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"digest\":\"sha256:def\",\"size\":610,\"platform\":{\"architecture\":\"arm\",\"os\":\"linux\","
        + "\"variant\":\"v7\"}},\"Platforms\":[{\"architecture\":\"amd64\",\"os\":\"linux\"}]}"), tree(di));
  }

  @Test
  void historyAndSearch_keysAsDocker() {
    assertEquals(tree("{\"Comment\":\"\",\"Created\":1,\"CreatedBy\":\"/bin/sh\",\"Id\":\"<missing>\","
        + "\"Size\":0,\"Tags\":null}"),
        tree(new HistoryResponseItem("", 1, "/bin/sh", HistoryResponseItem.MISSING_ID, 0, null)));
    assertEquals(tree("{\"star_count\":3,\"is_official\":true,\"name\":\"busybox\",\"is_automated\":false,"
        + "\"description\":\"d\"}"), tree(new ImageSearchResponseItem(3, true, "busybox", false, "d")));
  }

  private static ImageInspectResponse inspect() {
    ImageConfig config = new ImageConfig(null, null, List.of("PATH=/bin"), null, List.of("sh"), null, null, null,
        null, false, null, null, null);
    return new ImageInspectResponse(ID, List.of("busybox:latest"), null, "", "", "2024-09-26T21:31:42Z", null,
        null, "", "", config, "amd64", null, "linux", null, 2_155_464, 0, DriverData.of("overlay2", Map.of()),
        new ImageInspectResponse.RootFS("layers", List.of("sha256:aaa")), null,
        OciDescriptor.of("application/vnd.oci.image.index.v1+json", "sha256:def", 9_000), null);
  }
}
