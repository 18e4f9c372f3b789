package dev.berth.storage.archive;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.gc.Lease;
import dev.berth.storage.image.Image;
import dev.berth.storage.json.Json;
import dev.berth.storage.oci.Descriptor;
import dev.berth.storage.oci.ImageIndex;
import dev.berth.storage.oci.ImageManifest;
import dev.berth.storage.oci.MediaTypes;
import dev.berth.storage.oci.Platform;
import dev.berth.storage.reference.ImageReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Loads an OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/}): each manifest of the index
 * (a nested index is resolved to the host platform) becomes an image, named by the {@code io.containerd.image.name}
 * annotation or by an {@code org.opencontainers.image.ref.name} that is a full {@code name:tag}.
 */
final class OciLayoutLoader {
  private final ImageLoader loader;
  private final ArchiveDir dir;
  private final Lease lease;
  private final Consumer<LoadEvent> out;
  private final Consumer<LoadEvent> progress;

  OciLayoutLoader(ImageLoader loader, ArchiveDir dir, Lease lease, Consumer<LoadEvent> out,
      Consumer<LoadEvent> progress) {
    this.loader = loader;
    this.dir = dir;
    this.lease = lease;
    this.out = out;
    this.progress = progress;
  }

  void load() throws IOException {
    ImageIndex index = Json.read(dir.read("index.json"), ImageIndex.class);
    Set<Digest> unnamed = new LinkedHashSet<>();
    boolean named = false;
    for (Descriptor d : index.manifests() == null ? List.<Descriptor>of() : index.manifests()) {
      Descriptor m = resolve(d);
      ImageManifest manifest = Json.read(blob(m), ImageManifest.class);
      byte[] config = blob(manifest.config());
      Image img = Image.fromJson(config);
      List<Descriptor> layerDescs = manifest.layers() == null ? List.of() : manifest.layers();
      if (layerDescs.size() != img.diffIds().size()) {
        throw new InvalidParameterException("invalid manifest, layers length mismatch: expected "
            + layerDescs.size() + ", got " + img.diffIds().size());
      }
      List<Path> files = new ArrayList<>();
      for (Descriptor l : layerDescs) {
        files.add(dir.file(blobName(l)));
      }
      loader.registerLayers(img, files, lease, progress);
      ImageReference ref = name(d.annotations());
      Image created = loader.createTagged(config, ref, out);
      if (ref != null) {
        out.accept(new LoadEvent.Line("Loaded image: " + ref.familiarString() + "\n"));
        named = true;
      } else {
        unnamed.add(created.id());
      }
      loader.imageLoaded(created.id());
    }
    if (!named) {
      for (Digest id : unnamed) {
        out.accept(new LoadEvent.Line("Loaded image ID: " + id + "\n"));
      }
    }
  }

  /** Follows nested indexes down to the manifest for the host platform. */
  private Descriptor resolve(Descriptor d) throws IOException {
    for (int depth = 0; depth < 8; depth++) {
      if (!MediaTypes.isIndex(d.mediaType())) {
        return d;
      }
      ImageIndex nested = Json.read(blob(d), ImageIndex.class);
      Platform host = Platform.host();
      Descriptor match = null;
      for (Descriptor c : nested.manifests() == null ? List.<Descriptor>of() : nested.manifests()) {
        if (c.platform() != null && host.matches(c.platform())) {
          match = c;
          break;
        }
      }
      if (match == null) {
        throw new NotFoundException("no matching manifest for " + host.os() + "/" + host.architecture()
            + " in the manifest list entries");
      }
      d = match.annotations() == null && d.annotations() != null ? match.withAnnotations(d.annotations()) : match;
    }
    throw new InvalidParameterException("image index nested too deeply");
  }

  private byte[] blob(Descriptor d) throws IOException {
    byte[] data = dir.read(blobName(d));
    Digest expected = d.digestValue();
    if (expected.algorithm().equals("sha256") && !Digest.sha256(data).equals(expected)) {
      throw new InvalidParameterException("invalid archive: content of " + d.digest() + " does not match");
    }
    return data;
  }

  private static String blobName(Descriptor d) {
    Digest digest = d.digestValue();
    return "blobs/" + digest.algorithm() + "/" + digest.hex();
  }

  private static ImageReference name(Map<String, String> annotations) {
    if (annotations == null) {
      return null;
    }
    String full = annotations.get(ImageIndex.ANNOTATION_IMAGE_NAME);
    if (full != null) {
      ImageReference r = ImageReference.parse(full);
      return r.hasDigest() ? null : r.withDefaultTag();
    }
    String refName = annotations.get(ImageIndex.ANNOTATION_REF_NAME);
    if (refName != null && refName.lastIndexOf(':') > refName.lastIndexOf('/')) {
      try {
        ImageReference r = ImageReference.parse(refName);
        return r.hasTag() && !r.hasDigest() ? r : null;
      } catch (InvalidParameterException e) {
        return null;
      }
    }
    return null;
  }
}
