package dev.berth.storage;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.archive.ImageLoader;
import dev.berth.storage.archive.ImageSaver;
import dev.berth.storage.content.FileContentStore;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.gc.GarbageCollector;
import dev.berth.storage.gc.Leases;
import dev.berth.storage.image.ImageDeleter;
import dev.berth.storage.image.ImageEventListener;
import dev.berth.storage.image.ImageImporter;
import dev.berth.storage.image.ImageLookup;
import dev.berth.storage.image.ImagePruner;
import dev.berth.storage.image.ImageQueries;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.image.ImageStore;
import dev.berth.storage.image.ImageTagger;
import dev.berth.storage.image.ImageUsage;
import dev.berth.storage.layer.CopySnapshotter;
import dev.berth.storage.layer.LayerStore;
import dev.berth.storage.layer.OverlaySnapshotter;
import dev.berth.storage.layer.RootfsStore;
import dev.berth.storage.layer.Snapshotter;
import dev.berth.storage.linux.FsOps;
import dev.berth.storage.reference.ReferenceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Opens the image storage under a data root and wires its parts (layout in engine-storage/README.md). Opening
 * also collects garbage left by a crash.
 */
public final class Storage {
  private Storage() {}

  /**
   * @param root the storage root, e.g. {@code /var/lib/berth}
   * @param driver {@code overlay2} or {@code vfs} (the copy snapshotter)
   * @param dockerVersion written as {@code docker_version} into configs Berth creates
   * @param rootless tolerate EPERM for ownership, devices and xattrs (vfs only)
   */
  public record Config(Path root, String driver, String dockerVersion, boolean rootless, Duration blobGrace) {
    public Config(Path root, String driver, String dockerVersion) {
      this(root, driver, dockerVersion, false, Duration.ofHours(1));
    }
  }

  /**
   * {@code overlay2} when running as root on a kernel with overlayfs, else {@code vfs}. A data root that is itself
   * on overlayfs cannot host overlay2 upper dirs; the caller should check that (dockerd refuses it too).
   */
  public static String defaultDriver() {
    try {
      boolean root = ((Number) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
      boolean overlay;
      try (var in = java.nio.file.Files.newInputStream(Path.of("/proc/filesystems"))) {
        overlay = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).contains("\toverlay\n");
      }
      return root && overlay ? "overlay2" : "vfs";
    } catch (IOException | RuntimeException e) {
      return "vfs";
    }
  }

  public static ImageService open(Config cfg, FsOps fs, ImageUsage usage, ImageEventListener events)
      throws IOException {
    return open(cfg, fs, usage, events, Clock.systemUTC());
  }

  public static ImageService open(Config cfg, FsOps fs, ImageUsage usage, ImageEventListener events, Clock clock)
      throws IOException {
    Path root = cfg.root();
    AtomicFiles.deleteTree(root.resolve("tmp"));
    Snapshotter snapshotter = switch (cfg.driver()) {
      case "overlay2" -> new OverlaySnapshotter(root.resolve("overlay2"), fs);
      case "vfs" -> new CopySnapshotter(root.resolve("vfs"), fs, cfg.rootless());
      default -> throw new InvalidParameterException("unsupported storage driver: " + cfg.driver());
    };
    ReentrantLock lock = new ReentrantLock();
    FileContentStore content = new FileContentStore(root.resolve("content"));
    Path imageRoot = root.resolve("image").resolve(snapshotter.driverName());
    LayerStore layers = new LayerStore(imageRoot.resolve("layerdb").resolve("sha256"), content, snapshotter, lock);
    ImageStore images = new ImageStore(imageRoot.resolve("imagedb"), layers, lock);
    ReferenceStore refs = new ReferenceStore(imageRoot.resolve("repositories.json"));
    RootfsStore rootfs = new RootfsStore(imageRoot.resolve("rootfs"), layers, lock);
    Leases leases = new Leases();
    GarbageCollector gc = new GarbageCollector(lock, images, refs, layers, rootfs, content, leases,
        cfg.blobGrace());
    ImageLookup lookup = new ImageLookup(images, refs);
    ImageQueries queries = new ImageQueries(lookup, images, refs, layers);
    ImageTagger tagger = new ImageTagger(lookup, images, refs, events, clock);
    ImageDeleter deleter = new ImageDeleter(lookup, images, refs, gc, usage, events);
    ImagePruner pruner = new ImagePruner(images, refs, layers, deleter);
    ImageImporter importer = new ImageImporter(images, layers, leases, tagger, events, clock, cfg.dockerVersion());
    ImageLoader loader = new ImageLoader(images, refs, layers, leases, tagger, events, root.resolve("tmp"));
    ImageSaver saver = new ImageSaver(images, refs, layers, events);
    gc.collect(true);
    return new ImageService(new ImageService.Parts(images, refs, layers, rootfs, content, leases, gc, lookup,
        queries, tagger, deleter, pruner, importer, loader, saver));
  }
}
