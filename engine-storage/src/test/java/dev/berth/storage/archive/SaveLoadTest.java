package dev.berth.storage.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.image.NoSuchImageException;
import dev.berth.storage.image.TestStorage;
import dev.berth.storage.json.Json;
import dev.berth.storage.tar.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SaveLoadTest {
  @TempDir Path tmp;
  TestStorage s;
  ImageService images;

  @BeforeEach
  void open() throws IOException {
    s = new TestStorage(tmp);
    images = s.service;
  }

  public static Map<String, byte[]> untar(byte[] tar) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar));
    for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
      out.put(e.getName(), e.isDirectory() ? null : in.readAllBytes());
    }
    return out;
  }

  private byte[] save(String... names) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    images.save(List.of(names), out);
    return out.toByteArray();
  }

  private List<String> load(byte[] archive) {
    List<String> lines = new ArrayList<>();
    images.load(new ByteArrayInputStream(archive), true, e -> {
      if (e instanceof LoadEvent.Line l) {
        lines.add(l.message());
      }
    });
    return lines;
  }

  @Test
  void saveWritesDockerArchiveAndOciLayout_withByteExactLayers() throws IOException {
    Digest id = s.importTar("app:1", new TarBuilder().dir("bin").file("bin/busybox", "BB", 0755)
        .symlink("bin/sh", "busybox").build());
    images.tag("app:1", "app", "2");
    Map<String, byte[]> files = untar(save("app"));
    List<String> names = new ArrayList<>(files.keySet());
    assertEquals(List.of("index.json", "manifest.json", "oci-layout", "repositories"),
        names.subList(names.size() - 4, names.size()));
    assertTrue(names.get(0).equals("blobs/") && names.get(1).equals("blobs/sha256/"), names.toString());
    Digest diffId = images.get("app:1").diffIds().get(0);
    assertEquals(diffId, Digest.sha256(files.get("blobs/sha256/" + diffId.hex())));
    assertEquals(id, Digest.sha256(files.get("blobs/sha256/" + id.hex())));
    JsonNode manifest = Json.MAPPER.readTree(files.get("manifest.json"));
    assertEquals("blobs/sha256/" + id.hex(), manifest.get(0).get("Config").asText());
    assertEquals(List.of("app:1", "app:2"), List.of(manifest.get(0).get("RepoTags").get(0).asText(),
        manifest.get(0).get("RepoTags").get(1).asText()));
    assertEquals("{\"app\":{\"1\":\"" + diffId.hex() + "\",\"2\":\"" + diffId.hex() + "\"}}\n",
        new String(files.get("repositories"), StandardCharsets.UTF_8));
    assertEquals("{\"imageLayoutVersion\": \"1.0.0\"}", new String(files.get("oci-layout"), StandardCharsets.UTF_8));
    JsonNode index = Json.MAPPER.readTree(files.get("index.json"));
    assertEquals(2, index.get("manifests").size());
    JsonNode first = index.get("manifests").get(0);
    assertEquals("docker.io/library/app:1", first.get("annotations").get("io.containerd.image.name").asText());
    assertEquals("1", first.get("annotations").get("org.opencontainers.image.ref.name").asText());
    String manifestDigest = first.get("digest").asText();
    byte[] ociManifest = files.get("blobs/sha256/" + manifestDigest.substring(7));
    assertEquals(manifestDigest, Digest.sha256(ociManifest).toString());
    JsonNode m = Json.MAPPER.readTree(ociManifest);
    assertEquals(diffId.toString(), m.get("layers").get(0).get("digest").asText());
    assertEquals(files.get("blobs/sha256/" + diffId.hex()).length, m.get("layers").get(0).get("size").asLong());
  }

  @Test
  void saveRemoveLoad_keepsImageIdsAndTags() {
    Digest app = s.importFile("app:1", "etc/app", "a");
    Digest other = s.importFile("example.com/team/other:2", "etc/other", "o");
    byte[] archive = save("app:1", "example.com/team/other:2");
    images.delete("app:1", true, true);
    images.delete("example.com/team/other:2", true, true);
    assertTrue(images.layerStore().all().isEmpty());
    assertEquals(List.of("Loaded image: app:1\n", "Loaded image: example.com/team/other:2\n"), load(archive));
    assertEquals(app, images.get("app:1").id());
    assertEquals(other, images.get("example.com/team/other:2").id());
    assertEquals(archive.length, save("app:1", "example.com/team/other:2").length);
  }

  @Test
  void gzipCompressedArchive_loads() throws IOException {
    Digest app = s.importFile("app:1", "etc/app", "a");
    byte[] archive = save("app:1");
    images.delete("app:1", false, true);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(archive);
    }
    assertEquals(List.of("Loaded image: app:1\n"), load(gz.toByteArray()));
    assertEquals(app, images.get("app:1").id());
  }

  @Test
  void untaggedImage_reportsItsId() {
    Digest id = s.importFile(null, "etc/x", "x");
    byte[] archive = save(id.hex());
    images.delete(id.hex(), false, true);
    assertEquals(List.of("Loaded image ID: " + id + "\n"), load(archive));
  }

  @Test
  void loadOverAnotherImageWithTheSameTag_saysSo() {
    Digest first = s.importFile("app:1", "etc/a", "1");
    byte[] archive = save("app:1");
    Digest second = s.importFile("app:1", "etc/a", "2");
    assertEquals(List.of("The image app:1 already exists, renaming the old one with ID " + second
        + " to empty string\n", "Loaded image: app:1\n"), load(archive));
    assertEquals(first, images.get("app:1").id());
  }

  @Test
  void progressEvents_whenNotQuiet() {
    s.importFile("app:1", "etc/a", "1");
    byte[] archive = save("app:1");
    images.delete("app:1", false, true);
    List<LoadEvent> events = new ArrayList<>();
    images.load(new ByteArrayInputStream(archive), false, events::add);
    assertTrue(events.stream().anyMatch(e -> e instanceof LoadEvent.LayerProgress p && p.current() == p.total()));
  }

  @Test
  void wrongDiffId_isRejectedAndLeavesNoLayer() throws IOException {
    byte[] layer = new TarBuilder().file("a", "a").build();
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + Digest.sha256("something else") + "\"]}}";
    byte[] archive = archive(Map.of("c.json", config.getBytes(StandardCharsets.UTF_8), "l.tar", layer,
        "manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":[\"bad:1\"],\"Layers\":[\"l.tar\"]}]"
            .getBytes(StandardCharsets.UTF_8)));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(archive));
    assertTrue(e.getMessage().startsWith("invalid diffID for layer 0: expected \""), e.getMessage());
    assertTrue(images.layerStore().all().isEmpty());
    assertThrows(NoSuchImageException.class, () -> images.get("bad:1"));
  }

  @Test
  void ociLayoutOnly_withGzipLayer_loadsAndSavesUncompressed() throws IOException {
    Map<String, byte[]> files = ociLayout("registry.local:5000/oci/app:v1", true);
    List<String> lines = load(archive(files));
    assertEquals(List.of("Loaded image: registry.local:5000/oci/app:v1\n"), lines);
    Digest id = images.get("registry.local:5000/oci/app:v1").id();
    Map<String, byte[]> saved = untar(save("registry.local:5000/oci/app:v1"));
    Digest diffId = images.get(id.hex()).diffIds().get(0);
    assertEquals(diffId, Digest.sha256(saved.get("blobs/sha256/" + diffId.hex())));
  }

  /** A minimal OCI layout for one image; the layer is gzip-compressed when asked. */
  static Map<String, byte[]> ociLayout(String name, boolean gzip) throws IOException {
    byte[] layer = new TarBuilder().dir("etc").file("etc/os-release", "ID=test\n").build();
    byte[] blob = layer;
    String layerType = "application/vnd.oci.image.layer.v1.tar";
    if (gzip) {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (var out = new java.util.zip.GZIPOutputStream(gz)) {
        out.write(layer);
      }
      blob = gz.toByteArray();
      layerType += "+gzip";
    }
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256(layer) + "\"]}}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
        + Digest.sha256(config) + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"" + layerType
        + "\",\"digest\":\"" + Digest.sha256(blob) + "\",\"size\":" + blob.length + "}]}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] index = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
        + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + Digest.sha256(manifest)
        + "\",\"size\":" + manifest.length + ",\"annotations\":{\"io.containerd.image.name\":\"" + name
        + "\"}}]}").getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    files.put("index.json", index);
    files.put("blobs/sha256/" + Digest.sha256(config).hex(), config);
    files.put("blobs/sha256/" + Digest.sha256(manifest).hex(), manifest);
    files.put("blobs/sha256/" + Digest.sha256(blob).hex(), blob);
    return files;
  }

  static byte[] archive(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      TarArchiveEntry e = new TarArchiveEntry(f.getKey());
      e.setSize(f.getValue().length);
      tar.putArchiveEntry(e);
      tar.write(f.getValue());
      tar.closeArchiveEntry();
    }
    tar.finish();
    return bytes.toByteArray();
  }

  @Test
  void archiveNamesCannotEscape() {
    byte[] archive = assertDoesNotThrowArchive();
    assertThrows(InvalidParameterException.class, () -> load(archive));
    assertFalse(java.nio.file.Files.exists(tmp.resolve("escaped")));
  }

  private static byte[] assertDoesNotThrowArchive() {
    try {
      return archive(Map.of("../escaped", new byte[] {1},
          "manifest.json", "[]".getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
