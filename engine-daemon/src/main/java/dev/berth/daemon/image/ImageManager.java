package dev.berth.daemon.image;

import dev.berth.api.backend.ImageBackend;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.image.DistributionInspectResponse;
import dev.berth.api.model.image.HistoryResponseItem;
import dev.berth.api.model.image.ImageDeleteResponseItem;
import dev.berth.api.model.image.ImageInspectResponse;
import dev.berth.api.model.image.ImagePruneResponse;
import dev.berth.api.model.image.ImageSearchResponseItem;
import dev.berth.api.model.image.ImageSummary;
import dev.berth.api.model.image.OciDescriptor;
import dev.berth.api.model.image.OciPlatform;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.api.model.system.AuthConfig;
import dev.berth.api.model.system.AuthResponse;
import dev.berth.daemon.events.EventBus;
import dev.berth.storage.Storage;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.DistributionInspect;
import dev.berth.storage.distribution.DistributionInspector;
import dev.berth.storage.distribution.ImagePuller;
import dev.berth.storage.distribution.TagLister;
import dev.berth.storage.distribution.ImagePusher;
import dev.berth.storage.distribution.KnownBlobStore;
import dev.berth.storage.distribution.RegistryClient;
import dev.berth.storage.distribution.RegistryConfig;
import dev.berth.storage.distribution.RegistryLogin;
import dev.berth.storage.distribution.RemoteReference;
import dev.berth.storage.distribution.TransferManager;
import dev.berth.storage.distribution.manifest.Platform;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.linux.LinuxFsOps;
import dev.berth.storage.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The image side of the engine: storage (images, layers, content) plus the registry client, behind the
 * {@link ImageBackend} contract the routes use. Each operation lives in its own class; this one normalises
 * names and delegates.
 */
public final class ImageManager implements ImageBackend, AutoCloseable {
  private final ImageService images;
  private final RegistryClient registry;
  private final TransferManager transfers;
  private final ContainerUsage usage;
  private final ImageEvents events;
  private final ImageViews views;
  private final PullOperation pulls;
  private final PushOperation pushes;
  private final ImportOperation imports;
  private final RegistrySearch search;

  private ImageManager(ImageService images, RegistryClient registry, TransferManager transfers,
      ContainerUsage usage, ImageEvents events, ImageSettings s) {
    this.images = images;
    this.registry = registry;
    this.transfers = transfers;
    this.usage = usage;
    this.events = events;
    this.views = new ImageViews(images, usage);
    Path dist = s.root().resolve("image").resolve(images.driverName()).resolve("distribution");
    KnownBlobStore known = new KnownBlobStore(dist.resolve("known-blobs.json"));
    dropBlobOrigins(dist);
    this.pulls = new PullOperation(images, new ImagePuller(registry, transfers), new TagLister(registry), known,
        events);
    this.pushes = new PushOperation(images, new ImagePusher(registry, transfers), known, events);
    this.imports = new ImportOperation(images);
    this.search = new RegistrySearch(s.insecureRegistries());
  }

  /**
   * Removes {@code blob-origins.json}, the blob digest → repositories map older versions kept: known-blobs.json
   * replaced it (keyed by diff ID, which that file lacks); losing it costs at most one upload per layer.
   */
  private static void dropBlobOrigins(Path dist) {
    try {
      Files.deleteIfExists(dist.resolve("blob-origins.json"));
    } catch (IOException e) {
      // harmless: the file is no longer read
    }
  }

  /** Opens storage under {@code s.root()} (collecting a crash's garbage) and the registry client. */
  public static ImageManager open(ImageSettings s, EventBus bus) throws IOException {
    ImageEvents events = new ImageEvents(bus);
    ContainerUsage usage = new ContainerUsage();
    ImageService svc = Storage.open(new Storage.Config(s.root(), s.driver(), s.dockerVersion()),
        LinuxFsOps.load(), usage, events);
    events.attach(svc);
    RegistryClient client = new RegistryClient(new RegistryConfig(s.mirrors(), s.insecureRegistries(),
        RegistryConfig.DEFAULT_CERTS_DIRS, "docker/" + s.dockerVersion() + " berth", null));
    TransferManager transfers = new TransferManager(s.maxConcurrentDownloads(), s.maxConcurrentUploads());
    return new ImageManager(svc, client, transfers, usage, events, s);
  }

  /** Installs the container manager's answer to "which containers use this image". */
  public void setUsers(ImageUsers users) {
    usage.set(users);
  }

  /** The storage service, for the container manager (root filesystems) and commit. */
  public ImageService service() {
    return images;
  }

  @Override
  public List<ImageSummary> list(ListOptions o) {
    var rows = images.list(storageFilters(o.filters()), o.all());
    Map<Digest, Integer> use = o.sharedSize() ? views.layerUse() : null;
    List<ImageSummary> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(views.summary(r, use, o.containerCount())));
    return out;
  }

  @Override
  public ImageInspectResponse inspect(String name) {
    return ImageViews.inspect(images.inspect(name));
  }

  @Override
  public List<HistoryResponseItem> history(String name) {
    return images.history(name).stream().map(ImageViews::history).toList();
  }

  @Override
  public void tag(String source, String repo, String tag) {
    images.tag(source, repo, tag);
  }

  @Override
  public List<ImageDeleteResponseItem> delete(String name, boolean force, boolean noPrune) {
    return images.delete(name, force, !noPrune).stream().map(ImageViews::deleteItem).toList();
  }

  @Override
  public ImagePruneResponse prune(Filters filters) {
    var report = images.prune(storageFilters(filters));
    List<ImageDeleteResponseItem> deleted = report.imagesDeleted().isEmpty() ? null
        : report.imagesDeleted().stream().map(ImageViews::deleteItem).toList();
    events.pruned(report.spaceReclaimed());
    return new ImagePruneResponse(deleted, report.spaceReclaimed());
  }

  @Override
  public void pull(PullOptions o, Consumer<JsonMessage> progress) {
    Platform platform = o.platform() == null || o.platform().isBlank() ? null : Platform.parse(o.platform());
    pulls.pull(References.forPull(o.image(), o.tag()), platform, Credentials.of(o.auth()), progress);
  }

  @Override
  public void push(String name, String tag, AuthConfig auth, Consumer<JsonMessage> progress) {
    pushes.push(References.forPush(name, tag), Credentials.of(auth), progress);
  }

  @Override
  public void importImage(ImportOptions o, InputStream body, Consumer<JsonMessage> progress) {
    imports.importImage(o, body, progress);
  }

  @Override
  public void load(InputStream archive, boolean quiet, Consumer<JsonMessage> progress) {
    images.load(archive, quiet, e -> progress.accept(ProgressMessages.of(e)));
  }

  @Override
  public void save(List<String> names, OutputStream out) {
    images.save(names, out);
  }

  @Override
  public AuthResponse login(AuthConfig auth) {
    return AuthResponse.succeeded(new RegistryLogin(registry).login(Credentials.of(auth)).identityToken());
  }

  @Override
  public DistributionInspectResponse distributionInspect(String name, AuthConfig auth) {
    ImageReference ref = ImageReference.parse(name).withDefaultTag();
    DistributionInspect d = new DistributionInspector(registry).inspect(
        new RemoteReference(ref.domain(), ref.path(), ref.tag(), ref.digest()), Credentials.of(auth));
    var desc = d.descriptor();
    List<OciPlatform> platforms = d.platforms().stream().map(p -> new OciPlatform(nullToEmpty(p.architecture()),
        nullToEmpty(p.os()), p.osVersion(), p.osFeatures(), p.variant())).toList();
    return new DistributionInspectResponse(OciDescriptor.of(desc.mediaType(), desc.digest().toString(),
        desc.size()), platforms);
  }

  @Override
  public List<ImageSearchResponseItem> search(String term, int limit, Filters filters, AuthConfig auth) {
    return search.search(term, limit, filters, Credentials.of(auth));
  }

  /** {@code /info}'s {@code Images}: every image in the store. */
  public int count() {
    return images.imageStore().all().size();
  }

  /** {@code /system/df}'s {@code LayersSize}: the unpacked size of every layer. */
  public long layersSize() {
    return images.layerStore().all().stream().mapToLong(Layer::size).sum();
  }

  /** {@code /system/df}'s {@code Images}: top-level images with shared sizes and container counts. */
  public List<ImageSummary> diskUsage() {
    return list(new ListOptions(false, true, true, Filters.empty()));
  }

  @Override
  public void close() {
    transfers.close();
    registry.close();
  }

  private static dev.berth.storage.image.Filters storageFilters(Filters f) {
    Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    f.asMap().forEach((k, v) -> m.put(k, List.copyOf(v)));
    return new dev.berth.storage.image.Filters(m);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
