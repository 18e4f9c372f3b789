package dev.berth.storage.image;

import dev.berth.api.types.MountSpec;
import dev.berth.storage.archive.ImageLoader;
import dev.berth.storage.archive.ImageSaver;
import dev.berth.storage.archive.LoadEvent;
import dev.berth.storage.content.FileContentStore;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.gc.GarbageCollector;
import dev.berth.storage.gc.Leases;
import dev.berth.storage.layer.LayerStore;
import dev.berth.storage.layer.RootfsStore;
import dev.berth.storage.reference.ReferenceStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the daemon calls for images and container root filesystems. Each method delegates to the class that owns
 * the operation; the stores are exposed for the registry client (pull/push). Built by {@code Storage.open}.
 * Thread-safe.
 */
public final class ImageService {
  private final ImageStore images;
  private final ReferenceStore refs;
  private final LayerStore layers;
  private final RootfsStore rootfs;
  private final FileContentStore content;
  private final Leases leases;
  private final GarbageCollector gc;
  private final ImageLookup lookup;
  private final ImageQueries queries;
  private final ImageTagger tagger;
  private final ImageDeleter deleter;
  private final ImagePruner pruner;
  private final ImageImporter importer;
  private final ImageLoader loader;
  private final ImageSaver saver;

  /** The parts {@link ImageService} is made of; the composition lives in {@code Storage}. */
  public record Parts(ImageStore images, ReferenceStore refs, LayerStore layers, RootfsStore rootfs,
      FileContentStore content, Leases leases, GarbageCollector gc, ImageLookup lookup, ImageQueries queries,
      ImageTagger tagger, ImageDeleter deleter, ImagePruner pruner, ImageImporter importer, ImageLoader loader,
      ImageSaver saver) {}

  public ImageService(Parts p) {
    this.images = p.images();
    this.refs = p.refs();
    this.layers = p.layers();
    this.rootfs = p.rootfs();
    this.content = p.content();
    this.leases = p.leases();
    this.gc = p.gc();
    this.lookup = p.lookup();
    this.queries = p.queries();
    this.tagger = p.tagger();
    this.deleter = p.deleter();
    this.pruner = p.pruner();
    this.importer = p.importer();
    this.loader = p.loader();
    this.saver = p.saver();
  }

  /** Resolves a name, ID or ID prefix; {@link NoSuchImageException} when there is none. */
  public Image get(String refOrId) {
    return lookup.get(refOrId);
  }

  public ImageDetails inspect(String refOrId) {
    return queries.inspect(refOrId);
  }

  public List<ImageSummary> list(Filters filters, boolean all) {
    return queries.list(filters, all);
  }

  public List<HistoryItem> history(String refOrId) {
    return queries.history(refOrId);
  }

  public void tag(String source, String repo, String tag) {
    tagger.tag(source, repo, tag);
  }

  /**
   * For pull, commit and build: stores config bytes whose layers are registered (hold a {@link Leases#open()
   * lease} from before registering them until this returns) and points the given tags and {@code name@digest}
   * references at the image.
   */
  public Image createImage(byte[] config, List<dev.berth.storage.reference.ImageReference> names) {
    return tagger.createAndTag(config, names);
  }

  public List<ImageDeleteItem> delete(String refOrId, boolean force, boolean prune) {
    return deleter.delete(refOrId, force, prune);
  }

  public ImagePruner.PruneReport prune(Filters filters) {
    return pruner.prune(filters);
  }

  public Digest importImage(InputStream tar, ImportOptions options) {
    return importer.importImage(tar, options);
  }

  public void load(InputStream archive, boolean quiet, Consumer<LoadEvent> out) {
    loader.load(archive, quiet, out);
  }

  public void save(List<String> names, OutputStream out) {
    saver.save(names, out);
  }

  /** Prepares the writable root filesystem of a container from an image (name or ID); storage never mounts. */
  public List<MountSpec> prepareRootfs(String containerKey, String imageRefOrId) {
    Image img = lookup.get(imageRefOrId);
    return rootfs.prepare(containerKey, img.id(), img.topChainId().orElse(null));
  }

  public void removeRootfs(String containerKey) {
    rootfs.remove(containerKey);
  }

  /** The container's changes (overlay upperdir), for {@code docker diff} and commit. */
  public Path upperDir(String containerKey) {
    return rootfs.upperDir(containerKey);
  }

  /** {@code SizeRw}: the bytes a container wrote to its writable layer (moby {@code GetContainerLayerSize}). */
  public long containerLayerSize(String containerKey) {
    return dev.berth.storage.layer.DirectorySize.of(rootfs.upperDir(containerKey));
  }

  /** The unpacked size of an image's layers (its part of {@code SizeRootFs}); 0 for an unknown image. */
  public long imageSize(String imageId) {
    try {
      return queries.size(lookup.get(imageId));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  public String driverName() {
    return layers.snapshotter().driverName();
  }

  public GarbageCollector.Report collectGarbage() {
    return gc.collect(false);
  }

  public ImageStore imageStore() {
    return images;
  }

  public ReferenceStore referenceStore() {
    return refs;
  }

  public LayerStore layerStore() {
    return layers;
  }

  public FileContentStore contentStore() {
    return content;
  }

  public Leases leases() {
    return leases;
  }
}
