package dev.berth.storage.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.content.DigestMismatchException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.gc.Lease;
import dev.berth.storage.gc.Leases;
import dev.berth.storage.image.HistoryEntry;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageEventListener;
import dev.berth.storage.image.ImageStore;
import dev.berth.storage.image.ImageTagger;
import dev.berth.storage.json.Json;
import dev.berth.storage.layer.ChainIds;
import dev.berth.storage.layer.LayerStore;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.reference.ReferenceStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code docker load} (image/tarexport/load.go): docker-archive ({@code manifest.json}, as every dockerd writes)
 * or, without one, an OCI image layout ({@code index.json}). Layers already present (by chain ID) are not read
 * again; new ones are registered with their diff IDs checked against the config.
 */
public final class ImageLoader {
  private final ImageStore images;
  private final ReferenceStore refs;
  private final LayerStore layers;
  private final Leases leases;
  private final ImageTagger tagger;
  private final ImageEventListener events;
  private final Path tmp;

  public ImageLoader(ImageStore images, ReferenceStore refs, LayerStore layers, Leases leases, ImageTagger tagger,
      ImageEventListener events, Path tmp) {
    this.images = images;
    this.refs = refs;
    this.layers = layers;
    this.leases = leases;
    this.tagger = tagger;
    this.events = events;
    this.tmp = tmp;
  }

  /** Loads every image of the archive; output lines and (unless quiet) layer progress go to {@code out}. */
  public void load(InputStream archive, boolean quiet, Consumer<LoadEvent> out) {
    try (ArchiveDir dir = ArchiveDir.extract(archive, tmp); Lease lease = leases.open()) {
      Consumer<LoadEvent> progress = quiet ? e -> { } : out;
      if (dir.exists("manifest.json")) {
        loadDockerArchive(dir, lease, out, progress);
      } else if (dir.exists("index.json")) {
        new OciLayoutLoader(this, dir, lease, out, progress).load();
      } else {
        throw new InvalidParameterException("invalid archive: neither manifest.json nor index.json found");
      }
    } catch (IOException e) {
      throw new SystemException("load failed: " + e.getMessage(), e);
    }
  }

  private void loadDockerArchive(ArchiveDir dir, Lease lease, Consumer<LoadEvent> out,
      Consumer<LoadEvent> progress) throws IOException {
    List<ManifestItem> manifest = Json.MAPPER.readValue(dir.read("manifest.json"), new TypeReference<>() { });
    if (manifest == null) {
      throw new InvalidParameterException("invalid manifest, manifest cannot be null (but can be [])");
    }
    StringBuilder ids = new StringBuilder();
    int refCount = 0;
    List<Digest[]> parentLinks = new ArrayList<>();
    for (ManifestItem m : manifest) {
      byte[] config = dir.read(m.config());
      Image img = Image.fromJson(config);
      List<String> layerFiles = m.layers() == null ? List.of() : m.layers();
      if (layerFiles.size() != img.diffIds().size()) {
        throw new InvalidParameterException("invalid manifest, layers length mismatch: expected "
            + layerFiles.size() + ", got " + img.diffIds().size());
      }
      List<Path> files = new ArrayList<>();
      for (String f : layerFiles) {
        files.add(dir.file(f));
      }
      List<ImageReference> tags = new ArrayList<>();
      for (String repoTag : m.repoTags() == null ? List.<String>of() : m.repoTags()) {
        ImageReference ref = ImageReference.parse(repoTag);
        if (!ref.hasTag() || ref.hasDigest()) {
          throw new InvalidParameterException("invalid tag \"" + repoTag + "\"");
        }
        tags.add(ref);
      }
      registerLayers(img, files, lease, progress);
      images.lock().lock();        // a concurrent prune must not take the image before it is tagged
      try {
        Image created = images.create(config);
        ids.append("Loaded image ID: ").append(created.id()).append('\n');
        refCount = 0;
        for (ImageReference ref : tags) {
          setLoadedTag(ref, created.id(), out);
          out.accept(new LoadEvent.Line("Loaded image: " + ref.familiarString() + "\n"));
          refCount++;
        }
        parentLinks.add(new Digest[] {created.id(), m.parent() == null || m.parent().isEmpty()
            ? null : Digest.parse(m.parent())});
        events.imageEvent("load", created.id().toString(), created.id().toString());
      } finally {
        images.lock().unlock();
      }
    }
    setParents(parentLinks);
    if (refCount == 0 && !ids.isEmpty()) {
      out.accept(new LoadEvent.Line(ids.toString()));
    }
  }

  /**
   * Registers the layers of {@code img} that are missing (without the store lock; the lease protects them until
   * the image exists). {@code layerFiles} may be compressed.
   */
  void registerLayers(Image img, List<Path> layerFiles, Lease lease, Consumer<LoadEvent> progress)
      throws IOException {
    if (!"linux".equals(img.os())) {
      throw new InvalidParameterException("cannot load " + img.os() + " image on linux");
    }
    Digest parent = null;
    List<Digest> diffIds = img.diffIds();
    for (int i = 0; i < diffIds.size(); i++) {
      Digest diffId = diffIds.get(i);
      Digest chain = ChainIds.next(parent, diffId);
      if (!layers.exists(chain)) {
        Path file = layerFiles.get(i);
        try (InputStream in = new ProgressInputStream(Files.newInputStream(file), Files.size(file),
            diffId.shortHex(), progress)) {
          layers.register(in, parent, diffId, lease);
        } catch (DigestMismatchException e) {
          throw new InvalidParameterException("invalid diffID for layer " + i + ": expected \"" + diffId
              + "\", got \"" + e.actual() + "\"", e);
        }
      }
      lease.protect(chain);
      parent = chain;
    }
  }

  /** Creates the image from its config and tags it, atomically with respect to rmi and prune. */
  Image createTagged(byte[] config, ImageReference ref, Consumer<LoadEvent> out) {
    images.lock().lock();
    try {
      Image created = images.create(config);
      if (ref != null) {
        setLoadedTag(ref, created.id(), out);
      }
      return created;
    } finally {
      images.lock().unlock();
    }
  }

  void setLoadedTag(ImageReference ref, Digest id, Consumer<LoadEvent> out) {
    Optional<Digest> prev = refs.get(ref);
    if (prev.isPresent() && !prev.get().equals(id)) {
      out.accept(new LoadEvent.Line("The image " + ref.familiarString()
          + " already exists, renaming the old one with ID " + prev.get() + " to empty string\n"));
    }
    tagger.tagImage(id, ref);
  }

  void imageLoaded(Digest id) {
    events.imageEvent("load", id.toString(), id.toString());
  }

  /** Parents named in the archive are linked when both images were in it and the history fits. */
  private void setParents(List<Digest[]> links) {
    for (Digest[] link : links) {
      Digest parent = link[1];
      if (parent == null || parent.equals(link[0])
          || links.stream().noneMatch(l -> l[0].equals(parent))) {
        continue;
      }
      Image child = images.get(link[0]).orElseThrow();
      Image p = images.get(parent).orElseThrow();
      if (!validParent(child, p)) {
        throw new InvalidParameterException("image " + parent + " is not a valid parent for " + link[0]);
      }
      images.setParent(link[0], parent);
    }
  }

  private static boolean validParent(Image img, Image parent) {
    List<HistoryEntry> hc = img.history();
    List<HistoryEntry> hp = parent.history();
    if (hc.isEmpty() && hp.isEmpty()) {
      return true;
    }
    if (hc.size() - hp.size() != 1) {
      return false;
    }
    for (int i = 0; i < hp.size(); i++) {
      if (!Objects.equals(hp.get(i), hc.get(i))) {
        return false;
      }
    }
    return true;
  }
}
