package dev.berth.storage.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.json.Json;
import dev.berth.storage.tar.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageQueriesTest {
  @TempDir Path tmp;
  TestStorage s;
  ImageService images;

  @BeforeEach
  void open() throws IOException {
    s = new TestStorage(tmp);
    images = s.service;
  }

  private static Filters filters(String key, String... values) {
    return new Filters(Map.of(key, List.of(values)));
  }

  private List<String> ids(List<ImageSummary> rows) {
    return rows.stream().map(ImageSummary::id).toList();
  }

  @Test
  void importCreatesDockerdsConfigAndHistory() throws IOException {
    Digest id = images.importImage(new ByteArrayInputStream(new TarBuilder().file("hello", "hi").build()),
        new ImportOptions("my/app", "v1", "", List.of("CMD [\"/hello\"]", "ENV A=b", "LABEL l=v"), "-", null));
    Image img = images.get("my/app:v1");
    assertEquals(id, img.id());
    ImageConfig c = img.config();
    assertEquals("Imported from -", c.comment());
    assertEquals("2024-05-01T10:00:00.123456789Z", c.created());
    assertEquals("28.2.2", c.dockerVersion());
    assertEquals("linux", c.os());
    assertEquals(List.of("/hello"), c.config().cmd());
    assertEquals(List.of("A=b"), c.config().env());
    assertEquals(Digest.sha256(new TarBuilder().file("hello", "hi").build()).toString(),
        c.rootfs().diffIds().get(0));
    List<HistoryItem> h = images.history("my/app:v1");
    assertEquals(1, h.size());
    assertEquals("Imported from -", h.get(0).comment());
    assertEquals("", h.get(0).createdBy());
    assertEquals(id.toString(), h.get(0).id());
    assertEquals(List.of("my/app:v1"), h.get(0).tags());
    assertEquals(2, h.get(0).size());
    assertTrue(new String(img.rawJson()).contains("\"Env\":[\"A=b\"]"));
    assertEquals(id, Digest.sha256(img.rawJson()));
    Json.MAPPER.readTree(img.rawJson());
    assertTrue(s.events.contains("import " + id));
    assertTrue(s.events.contains("tag my/app:v1"));
  }

  @Test
  void importMessage_isTheComment_andBadChangesAreInvalid() {
    Digest id = images.importImage(new ByteArrayInputStream(new TarBuilder().file("x", "x").build()),
        new ImportOptions("", "", "my message", List.of(), "-", null));
    assertEquals("my message", images.history(id.hex()).get(0).comment());
    assertNull(images.history(id.hex()).get(0).tags());
    assertThrows(InvalidParameterException.class, () -> images.importImage(
        new ByteArrayInputStream(new TarBuilder().file("x", "x").build()),
        new ImportOptions("", "", "", List.of("RUN x"), "-", null)));
  }

  @Test
  void listShowsTagsDigestsNewestFirst_andFilters() {
    Digest a = s.importFile("app:1", "etc/a", "a");
    Digest b = s.importFile(null, "etc/b", "bb");
    Digest c = s.importFile("tools/x:2", "etc/c", "ccc");
    images.tag("app:1", "app", "latest");
    List<ImageSummary> all = images.list(Filters.none(), false);
    assertEquals(List.of(c.toString(), b.toString(), a.toString()), ids(all));
    ImageSummary appRow = all.get(2);
    assertEquals(List.of("app:1", "app:latest"), appRow.repoTags());
    assertEquals(List.of(), all.get(1).repoTags());
    assertEquals(1, appRow.size());
    assertEquals(List.of(b.toString()), ids(images.list(filters("dangling", "true"), false)));
    assertEquals(List.of(c.toString(), a.toString()), ids(images.list(filters("dangling", "false"), false)));
    assertEquals(List.of(a.toString()), ids(images.list(filters("reference", "app"), false)));
    assertEquals(List.of(c.toString()), ids(images.list(filters("reference", "tools/*"), false)));
    assertEquals(List.of("app:latest"), images.list(filters("reference", "app:lat*"), false).get(0).repoTags());
    assertEquals(List.of(b.toString(), a.toString()), ids(images.list(filters("before", "tools/x:2"), true)));
    assertEquals(List.of(c.toString()), ids(images.list(filters("since", b.hex()), false)));
    assertThrows(InvalidParameterException.class, () -> images.list(filters("bogus", "1"), false));
  }

  @Test
  void inspectDetails() {
    Digest id = s.importFile("app:1", "etc/a", "abc");
    ImageDetails d = images.inspect("app:1");
    assertEquals(id, d.image().id());
    assertEquals(List.of("app:1"), d.repoTags());
    assertEquals(3, d.size());
    assertEquals("vfs", d.graphDriverName());
    assertTrue(d.lastTagTime().isPresent());
  }

  @Test
  void pruneDanglingByDefault_allUnusedWithDanglingFalse() {
    Digest tagged = s.importFile("app:1", "etc/a", "a");
    Digest dangling = s.importFile(null, "etc/b", "b");
    Digest used = s.importFile(null, "etc/c", "c");
    s.usage.put(used, List.of(new ImageUsage.ContainerUse("0123456789abcdef", false)));
    ImagePruner.PruneReport r = images.prune(Filters.none());
    assertEquals(List.of("Deleted: " + dangling), r.imagesDeleted().stream()
        .filter(i -> i.deleted() != null && i.deleted().equals(dangling.toString()))
        .map(i -> "Deleted: " + i.deleted()).toList());
    assertEquals(1, r.spaceReclaimed());
    assertEquals(tagged, images.get("app:1").id());
    assertEquals(used, images.get(used.hex()).id());
    ImagePruner.PruneReport all = images.prune(filters("dangling", "false"));
    assertTrue(all.imagesDeleted().contains(ImageDeleteItem.untagged("app:1")));
    assertThrows(NoSuchImageException.class, () -> images.get("app:1"));
    assertEquals(used, images.get(used.hex()).id(), "an image used by a container survives prune -a");
  }

  @Test
  void pruneUntilAndLabelFilters() {
    Digest old = s.importFile(null, "etc/a", "a");
    s.clock.advanceSeconds(3600);
    Digest recent = images.importImage(new ByteArrayInputStream(new TarBuilder().file("x", "x").build()),
        new ImportOptions("", "", "", List.of("LABEL keep=yes"), "-", null));
    ImagePruner.PruneReport byLabel = images.prune(filters("label!", "keep=yes"));
    assertTrue(byLabel.imagesDeleted().contains(ImageDeleteItem.deleted(old.toString())));
    assertEquals(recent, images.get(recent.hex()).id());
    Digest other = s.importFile(null, "etc/z", "z");
    ImagePruner.PruneReport byUntil = images.prune(filters("until", "2024-05-01T10:30:00Z"));
    assertTrue(byUntil.imagesDeleted().isEmpty(), "all remaining images are newer");
    assertEquals(other, images.get(other.hex()).id());
    assertThrows(InvalidParameterException.class, () -> images.prune(filters("reference", "x")));
  }

  @Test
  void tagRules() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    images.tag(id.hex(), "localhost:5000/app", "");
    assertEquals(id, images.get("localhost:5000/app:latest").id());
    assertThrows(InvalidParameterException.class, () -> images.tag("app:1", "sha256", "x"));
    assertThrows(InvalidParameterException.class, () -> images.tag("app:1", "App", "x"));
    assertThrows(InvalidParameterException.class, () -> images.tag("app:1", "app", "bad tag"));
    assertThrows(NoSuchImageException.class, () -> images.tag("missing", "app", "2"));
  }

  @Test
  void timestampsLikeDockerd() {
    java.time.Instant now = java.time.Instant.parse("2024-05-01T12:00:00Z");
    java.time.ZoneId utc = java.time.ZoneOffset.UTC;
    assertEquals(now.minusSeconds(5400), Timestamps.parse("1h30m", now, utc));
    assertEquals(java.time.Instant.parse("2024-01-01T00:00:00Z"), Timestamps.parse("2024-01-01", now, utc));
    assertEquals(java.time.Instant.ofEpochSecond(1700000000, 500_000_000),
        Timestamps.parse("1700000000.5", now, utc));
    assertThrows(InvalidParameterException.class, () -> Timestamps.parse("yesterday", now, utc));
  }
}
