package dev.berth.storage.distribution.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
  private static final Digest CONFIG = Digest.sha256("config");
  private static final Digest LAYER = Digest.sha256("layer");

  @Test
  void schema2_isWrittenLikeGoMarshalIndent() {
    ImageManifest m = ImageManifest.docker(Descriptor.of(MediaTypes.DOCKER_CONFIG, CONFIG, 1469),
        List.of(Descriptor.of(MediaTypes.DOCKER_LAYER, LAYER, 2152262)));
    String expected = "{\n"
        + "   \"schemaVersion\": 2,\n"
        + "   \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",\n"
        + "   \"config\": {\n"
        + "      \"mediaType\": \"application/vnd.docker.container.image.v1+json\",\n"
        + "      \"size\": 1469,\n"
        + "      \"digest\": \"" + CONFIG + "\"\n"
        + "   },\n"
        + "   \"layers\": [\n"
        + "      {\n"
        + "         \"mediaType\": \"application/vnd.docker.image.rootfs.diff.tar.gzip\",\n"
        + "         \"size\": 2152262,\n"
        + "         \"digest\": \"" + LAYER + "\"\n"
        + "      }\n"
        + "   ]\n"
        + "}";
    assertEquals(expected, new String(ManifestJson.goIndent(m), StandardCharsets.UTF_8));
  }

  @Test
  void parse_roundTripsAndComputesDigest() {
    byte[] bytes = ManifestJson.goIndent(ImageManifest.oci(Descriptor.of(MediaTypes.OCI_CONFIG, CONFIG, 2),
        List.of(Descriptor.of(MediaTypes.OCI_LAYER_ZSTD, LAYER, 3))));
    ParsedManifest p = ManifestParser.parse(bytes, "application/vnd.oci.image.manifest.v1+json", "r");
    assertEquals(Digest.sha256(bytes), p.digest());
    ImageManifest m = assertInstanceOf(ImageManifest.class, p.manifest());
    assertEquals(LAYER, m.layers().get(0).digest());
  }

  @Test
  void parse_ociIndexWithoutMediaTypeField_isDetectedByShape() {
    String json = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
        + "\",\"digest\":\"" + LAYER + "\",\"size\":7,\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\","
        + "\"variant\":\"v8\"},\"annotations\":{\"a\":\"b\"}}],\"extra\":true}";
    ParsedManifest p = ManifestParser.parse(json.getBytes(StandardCharsets.UTF_8), "application/json", "r");
    assertEquals(MediaTypes.OCI_INDEX, p.mediaType());
    ManifestList l = assertInstanceOf(ManifestList.class, p.manifest());
    assertEquals("linux/arm64/v8", l.manifests().get(0).platform().format());
  }

  @Test
  void parse_schema1_isRefusedWithDockerdMessage() {
    String json = "{\"schemaVersion\":1,\"name\":\"x\",\"fsLayers\":[]}";
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ManifestParser.parse(
        json.getBytes(StandardCharsets.UTF_8), MediaTypes.DOCKER_SCHEMA1_SIGNED, "docker.io/library/old:1"));
    assertTrue(e.getMessage().startsWith("Docker Image Format v1 and Docker Image manifest version 2, schema 1 "
        + "support has been removed. Suggest the author of docker.io/library/old:1 to upgrade"), e.getMessage());
  }

  @Test
  void builder_convertsOciGzipToDocker_butKeepsOciForZstd() {
    Descriptor cfg = Descriptor.of(MediaTypes.OCI_CONFIG, CONFIG, 2);
    ImageManifest d = ManifestBuilder.build(cfg, List.of(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, LAYER, 3)), null);
    assertEquals(MediaTypes.DOCKER_MANIFEST, d.mediaType());
    assertEquals(MediaTypes.DOCKER_CONFIG, d.config().mediaType());
    assertEquals(MediaTypes.DOCKER_LAYER, d.layers().get(0).mediaType());
    ImageManifest o = ManifestBuilder.build(cfg, List.of(Descriptor.of(MediaTypes.OCI_LAYER_ZSTD, LAYER, 3)), null);
    assertEquals(MediaTypes.OCI_MANIFEST, o.mediaType());
  }
}
