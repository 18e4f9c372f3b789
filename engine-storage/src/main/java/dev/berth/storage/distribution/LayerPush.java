package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.MediaTypes;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts one layer into the target repository (moby {@code pushDescriptor.Upload}), cheapest way first:
 * <ol>
 *   <li>existence checks of the blobs known to be in the target repository (and of a stored compressed blob
 *       itself): "Layer already exists";
 *   <li>cross-repository mounts of blobs known in other repositories of the registry: "Mounted from x";
 *   <li>existence checks of those other known digests (the target may hold them without our knowing);
 *   <li>an upload: a stored compressed blob as it is, an uncompressed tar gzip-compressed on the way
 *       ({@link GzipUpload}): "Pushing" with progress, then "Pushed".
 * </ol>
 * Returns the registry blob the manifest lists; the daemon remembers it for the layer's diff ID, so the next push
 * finds it without compressing again.
 */
final class LayerPush {
  private static final int MAX_MOUNTS = 4;
  private static final int MAX_OTHER_CHECKS = 3;
  private final BlobUpload blobs;

  LayerPush(BlobUpload blobs) {
    this.blobs = blobs;
  }

  Descriptor push(PushLayer layer, ProgressListener out) {
    String target = blobs.session.repository();
    boolean compress = MediaTypes.isUncompressedLayer(layer.blob().mediaType());
    Set<Digest> checked = new HashSet<>();
    List<Descriptor> here = new ArrayList<>();
    if (!compress) {
      here.add(layer.blob());
    }
    layer.known().stream().filter(k -> k.repository().equals(target)).forEach(k -> here.add(k.blob()));
    for (Descriptor d : here) {
      if (checked.add(d.digest()) && blobs.exists(d.digest())) {
        return status(layer, out, LayerProgress.LAYER_ALREADY_EXISTS, d);
      }
    }
    URI location = null;
    int mounts = 0;
    for (KnownBlob k : layer.known()) {
      if (k.repository().equals(target) || mounts++ >= MAX_MOUNTS) {
        continue;
      }
      URI opened = blobs.mount(k.blob().digest(), k.repository(), location);
      if (opened == null) {
        return status(layer, out, "Mounted from " + k.repository(), k.blob());
      }
      location = opened;
    }
    int others = 0;
    for (KnownBlob k : layer.known()) {
      if (others < MAX_OTHER_CHECKS && checked.add(k.blob().digest())) {
        others++;
        if (blobs.exists(k.blob().digest())) {
          return status(layer, out, LayerProgress.LAYER_ALREADY_EXISTS, k.blob());
        }
      }
    }
    if (location == null) {
      location = blobs.open();
    }
    ProgressMeter meter = new ProgressMeter(layer.progressId(), LayerProgress.PUSHING, layer.blob().size(), out);
    Descriptor pushed = layer.blob();
    if (compress) {
      pushed = GzipUpload.upload(blobs, layer.blob(), location, meter);
    } else {
      blobs.upload(layer.blob(), location, meter);
    }
    return status(layer, out, LayerProgress.PUSHED, pushed);
  }

  private static Descriptor status(PushLayer layer, ProgressListener out, String status, Descriptor blob) {
    out.onProgress(LayerProgress.of(layer.progressId(), status));
    return blob;
  }
}
