package dev.berth.storage.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.EngineException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.reference.ReferenceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many virtual threads importing, tagging, deleting and pruning at once leave consistent stores. */
class ConcurrentImageOpsTest {
  @TempDir Path tmp;

  @Test
  void concurrentOperationsKeepTheStoresConsistent() throws Exception {
    TestStorage s = new TestStorage(tmp);
    ImageService images = s.service;
    List<Future<?>> work = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 24; i++) {
        int n = i;
        work.add(pool.submit(() -> {
          Digest id = s.importFile("app" + n + ":1", "etc/f" + (n % 6), "content " + (n % 6));
          images.tag(id.hex(), "shared", "t" + n);
          if (n % 3 == 0) {
            images.delete("app" + n + ":1", false, true);
          }
          return null;
        }));
        work.add(pool.submit(() -> {
          try {
            images.prune(Filters.none());
          } catch (EngineException ignored) {
            // conflicts are fine
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    }
    assertConsistent(images);
    s.reopen();
    assertConsistent(s.service);
    assertEquals(images.list(Filters.none(), true).size(), s.service.list(Filters.none(), true).size());
  }

  private static void assertConsistent(ImageService images) {
    Set<Digest> ids = images.imageStore().all().stream().map(Image::id).collect(Collectors.toSet());
    for (ReferenceStore.Association a : images.referenceStore().all()) {
      assertTrue(ids.contains(a.id()), "tag " + a.ref() + " points to a missing image");
    }
    for (Image img : images.imageStore().all()) {
      img.topChainId().ifPresent(top -> assertEquals(img.diffIds().size(), images.layerStore().chain(top).size()));
    }
    images.layerStore().all().forEach(l -> assertTrue(images.contentStore().exists(l.blob().digestValue())));
  }
}
