package dev.berth.storage.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.ConflictException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.layer.ChainIds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDeleterTest {
  @TempDir Path tmp;
  TestStorage s;
  ImageService images;

  @BeforeEach
  void open() throws IOException {
    s = new TestStorage(tmp);
    images = s.service;
  }

  private static List<String> lines(List<ImageDeleteItem> items) {
    return items.stream().map(i -> i.untagged() != null ? "Untagged: " + i.untagged() : "Deleted: " + i.deleted())
        .toList();
  }

  private String chain(Digest id) {
    return ChainIds.top(images.get(id.toString()).diffIds()).toString();
  }

  @Test
  void removingOneOfSeveralTags_onlyUntags() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    images.tag("app:1", "app", "2");
    images.tag("app:1", "other/app", "");
    assertEquals(List.of("Untagged: app:2"), lines(images.delete("app:2", false, true)));
    assertEquals(id, images.get("app:1").id());
  }

  @Test
  void removingTheLastTag_deletesImageAndLayers() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    String layer = chain(id);
    assertEquals(List.of("Untagged: app:1", "Deleted: " + id, "Deleted: " + layer),
        lines(images.delete("app:1", false, true)));
    assertThrows(NoSuchImageException.class, () -> images.get(id.toString()));
    assertTrue(images.layerStore().all().isEmpty());
  }

  @Test
  void removingByIdWithSeveralRepositories_needsForce() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    images.tag("app:1", "other", "x");
    ConflictException e = assertThrows(ConflictException.class,
        () -> images.delete(id.hex().substring(0, 12), false, true));
    assertEquals("conflict: unable to delete " + id.shortHex()
        + " (must be forced) - image is referenced in multiple repositories", e.getMessage());
    assertEquals(List.of("Untagged: app:1", "Untagged: other:x", "Deleted: " + id, "Deleted: " + chain(id)),
        lines(images.delete(id.toString(), true, true)));
  }

  @Test
  void removingByIdWithTwoTagsInOneRepository_isAlsoAMultipleRepositoriesConflict() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    images.tag("app:1", "app", "2");
    ConflictException e = assertThrows(ConflictException.class, () -> images.delete(id.hex(), false, true));
    assertTrue(e.getMessage().endsWith("image is referenced in multiple repositories"));
  }

  @Test
  void removingByIdWithOneTag_untagsAndDeletes() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    assertEquals(List.of("Untagged: app:1", "Deleted: " + id, "Deleted: " + chain(id)),
        lines(images.delete(id.toString(), false, true)));
  }

  @Test
  void runningContainer_cannotBeForced() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    s.usage.put(id, List.of(new ImageUsage.ContainerUse("c0ffee0123456789abcdef", true)));
    for (boolean force : new boolean[] {false, true}) {
      ConflictException e = assertThrows(ConflictException.class, () -> images.delete(id.hex(), force, true));
      assertEquals("conflict: unable to delete " + id.shortHex()
          + " (cannot be forced) - image is being used by running container c0ffee012345", e.getMessage());
    }
  }

  @Test
  void stoppedContainer_mustBeForced() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    s.usage.put(id, List.of(new ImageUsage.ContainerUse("deadbeef0123456789", false)));
    ConflictException e = assertThrows(ConflictException.class, () -> images.delete(id.hex(), false, true));
    assertEquals("conflict: unable to delete " + id.shortHex()
        + " (must be forced) - image is being used by stopped container deadbeef0123", e.getMessage());
    assertEquals(List.of("Untagged: app:1", "Deleted: " + id, "Deleted: " + chain(id)),
        lines(images.delete(id.hex(), true, true)));
  }

  @Test
  void removingTheOnlyTagOfAnImageInUse_mustBeForced_andTheContainerKeepsItsLayers() {
    Digest id = s.importFile("app:1", "etc/a", "a");
    String layer = chain(id);
    String cid = "deadbeef0123456789";
    images.prepareRootfs(cid, "app:1");
    s.usage.put(id, List.of(new ImageUsage.ContainerUse(cid, false)));
    ConflictException e = assertThrows(ConflictException.class, () -> images.delete("app:1", false, true));
    assertEquals("conflict: unable to remove repository reference \"app:1\" (must force) - container "
        + "deadbeef0123 is using its referenced image " + id.shortHex(), e.getMessage());
    assertEquals(List.of("Untagged: app:1", "Deleted: " + id), lines(images.delete("app:1", true, true)));
    assertEquals(1, images.layerStore().all().size(), "the container's rootfs still needs the layer");
    images.removeRootfs(cid);
    assertEquals(List.of(Digest.parse(layer)), images.collectGarbage().layersRemoved());
    assertTrue(images.layerStore().all().isEmpty());
  }

  @Test
  void childImages_blockDeletion() {
    Digest parent = s.importFile(null, "etc/a", "a");
    Digest child = s.importFile("child:1", "etc/b", "b");
    images.imageStore().setParent(child, parent);
    String childLayer = chain(child);
    ConflictException e = assertThrows(ConflictException.class, () -> images.delete(parent.hex(), true, true));
    assertTrue(e.getMessage().endsWith("(cannot be forced) - image has dependent child images"), e.getMessage());
    List<String> out = lines(images.delete("child:1", false, true));
    assertEquals(List.of("Untagged: child:1", "Deleted: " + child, "Deleted: " + childLayer,
        "Deleted: " + parent), out.subList(0, 4), "pruning the dangling parent too");
  }

  @Test
  void missingImage_isNotFoundWithDockerdsMessage() {
    NoSuchImageException e = assertThrows(NoSuchImageException.class, () -> images.delete("nope", false, true));
    assertEquals("No such image: nope:latest", e.getMessage());
  }

  @Test
  void lookupByIdPrefix_andAmbiguousPrefix() {
    Digest a = s.importFile("a:1", "etc/a", "a");
    assertEquals(a, images.get(a.hex().substring(0, 5)).id());
    assertEquals(a, images.get("sha256:" + a.hex().substring(0, 8)).id());
    assertEquals(a, images.get(a.hex()).id());
    assertEquals(a, images.get("docker.io/library/a:1").id());
    Digest b = s.importFile("b:1", "etc/b", "b");
    String common = commonPrefix(a.hex(), b.hex());
    if (!common.isEmpty()) {
      assertThrows(NoSuchImageException.class, () -> images.get(common));
    }
  }

  private static String commonPrefix(String x, String y) {
    int i = 0;
    while (i < x.length() && x.charAt(i) == y.charAt(i)) {
      i++;
    }
    return x.substring(0, i);
  }
}
