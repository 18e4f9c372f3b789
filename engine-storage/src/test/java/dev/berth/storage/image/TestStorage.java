package dev.berth.storage.image;

import dev.berth.storage.Storage;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.linux.FakeFsOps;
import dev.berth.storage.tar.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ImageService} on the copy snapshotter with fake native calls, a settable clock and usage. */
public final class TestStorage {
  public final Path root;
  public final FakeFsOps fs = new FakeFsOps();
  public final Map<Digest, List<ImageUsage.ContainerUse>> usage = new ConcurrentHashMap<>();
  public final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
  public final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00.123456789Z"));
  public ImageService service;

  public TestStorage(Path root) throws IOException {
    this.root = root;
    reopen();
  }

  public void reopen() throws IOException {
    service = Storage.open(new Storage.Config(root, "vfs", "28.2.2", true, java.time.Duration.ofHours(1)), fs,
        id -> usage.getOrDefault(id, List.of()), (a, id, name) -> events.add(a + " " + name), clock);
  }

  /** Imports a one-layer image from a tar with a single file, tagged {@code ref} (may be null). */
  public Digest importFile(String ref, String file, String content) {
    byte[] tar = new TarBuilder().dir("etc").file(file, content).build();
    return importTar(ref, tar);
  }

  public Digest importTar(String ref, byte[] tar) {
    String repo = null;
    String tag = null;
    if (ref != null) {
      int colon = ref.lastIndexOf(':');
      repo = colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
      tag = colon > ref.lastIndexOf('/') ? ref.substring(colon + 1) : null;
    }
    Digest id = service.importImage(new ByteArrayInputStream(tar),
        new ImportOptions(repo, tag, "", List.of(), "-", null));
    clock.advanceSeconds(10);
    return id;
  }

  /** Creates an image from layer tars (bottom first) through the layer and image stores, tagged when ref given. */
  public Digest createImage(String ref, byte[]... layerTars) throws IOException {
    try (dev.berth.storage.gc.Lease lease = service.leases().open()) {
      Digest parent = null;
      List<String> diffIds = new ArrayList<>();
      for (byte[] tar : layerTars) {
        dev.berth.storage.layer.Layer l = service.layerStore().register(new ByteArrayInputStream(tar), parent,
            null, lease);
        parent = l.chainId();
        diffIds.add(l.diffId().toString());
      }
      ImageConfig cfg = new ImageConfig(null, null, GoTime.format(clock.instant()), null, null, null, null,
          dev.berth.api.model.container.ContainerConfig.empty(), "amd64", null, "linux",
          RootFs.layers(diffIds), null, null);
      clock.advanceSeconds(10);
      Digest id = service.imageStore().create(dev.berth.storage.json.Json.write(cfg)).id();
      if (ref != null) {
        service.tag(id.hex(), ref, "");
      }
      return id;
    }
  }

  /** A clock tests move forward. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    public void advanceSeconds(long s) {
      now = now.plusSeconds(s);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
