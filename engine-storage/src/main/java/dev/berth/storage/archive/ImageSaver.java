package dev.berth.storage.archive;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageEventListener;
import dev.berth.storage.image.ImageStore;
import dev.berth.storage.image.NoSuchImageException;
import dev.berth.storage.json.Json;
import dev.berth.storage.layer.ChainIds;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.layer.LayerStore;
import dev.berth.storage.oci.Descriptor;
import dev.berth.storage.oci.ImageIndex;
import dev.berth.storage.oci.ImageManifest;
import dev.berth.storage.oci.MediaTypes;
import dev.berth.storage.oci.Platform;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.reference.ReferenceStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code docker save} as dockerd ≥ 25 writes it: one tar that is both a docker-archive ({@code manifest.json},
 * {@code repositories}) and an OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/*}).
 * Layer blobs are the stored tars, byte for byte, so their sha256 is the config's diff ID.
 */
public final class ImageSaver {
  private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

  private final ImageStore images;
  private final ReferenceStore refs;
  private final LayerStore layers;
  private final ImageEventListener events;

  public ImageSaver(ImageStore images, ReferenceStore refs, LayerStore layers, ImageEventListener events) {
    this.images = images;
    this.refs = refs;
    this.layers = layers;
    this.events = events;
  }

  /** Resolves all names first (errors before any byte is written), then streams the archive. */
  public void save(List<String> names, OutputStream out) {
    Map<Digest, List<ImageReference>> selected = parseNames(names);
    SaveWriter writer = new SaveWriter(out);
    List<ManifestItem> manifest = new ArrayList<>();
    List<Descriptor> indexEntries = new ArrayList<>();
    Map<String, Map<String, String>> repositories = new TreeMap<>();
    try {
      for (Map.Entry<Digest, List<ImageReference>> e : selected.entrySet()) {
        Image img = images.get(e.getKey()).orElseThrow(() -> new NoSuchImageException(e.getKey().toString()));
        if (img.diffIds().isEmpty()) {
          throw new NotImplementedException("empty export - not implemented");
        }
        List<Layer> chain = layers.chain(ChainIds.top(img.diffIds()));
        writer.addBlob(img.id(), img.rawJson(), img.created().orElse(null));
        List<Descriptor> layerDescs = new ArrayList<>();
        List<String> layerPaths = new ArrayList<>();
        for (Layer l : chain) {
          writer.addLayer(l, layers, img.created().orElse(null));
          layerDescs.add(Descriptor.of(MediaTypes.OCI_LAYER, l.diffId(), l.tarSize()));
          layerPaths.add(SaveWriter.blobPath(l.diffId()));
        }
        Platform platform = new Platform(img.config().architecture(), img.os(), img.config().osVersion(), null,
            img.config().variant());
        Descriptor config = Descriptor.of(MediaTypes.OCI_CONFIG, img.id(), img.rawLength()).withPlatform(platform);
        byte[] ociManifest = Json.write(new ImageManifest(2, MediaTypes.OCI_MANIFEST, config, layerDescs, null));
        Digest manifestDigest = Digest.sha256(ociManifest);
        writer.addBlob(manifestDigest, ociManifest, null);
        Descriptor manifestDesc = Descriptor.of(MediaTypes.OCI_MANIFEST, manifestDigest, ociManifest.length)
            .withPlatform(platform);
        List<String> repoTags = new ArrayList<>();
        for (ImageReference ref : e.getValue()) {
          repositories.computeIfAbsent(ref.familiarName(), k -> new TreeMap<>())
              .put(ref.tag(), img.diffIds().get(img.diffIds().size() - 1).hex());
          repoTags.add(ref.familiarString());
          indexEntries.add(manifestDesc.withAnnotations(new TreeMap<>(Map.of(
              ImageIndex.ANNOTATION_IMAGE_NAME, ref.toString(),
              ImageIndex.ANNOTATION_REF_NAME, ref.tag()))));
        }
        if (e.getValue().isEmpty()) {
          indexEntries.add(manifestDesc);
        }
        manifest.add(new ManifestItem(SaveWriter.blobPath(img.id()), repoTags.isEmpty() ? null : repoTags,
            layerPaths, images.parent(img.id()).filter(selected::containsKey).map(Digest::toString).orElse(null),
            null));
        events.imageEvent("save", img.id().toString(), img.id().toString());
      }
      if (!repositories.isEmpty()) {
        writer.addFile("repositories", withNewline(Json.write(repositories)));
      }
      writer.addFile("manifest.json", withNewline(Json.write(manifest)));
      writer.addFile("oci-layout", "{\"imageLayoutVersion\": \"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      writer.addFile("index.json", Json.write(new ImageIndex(2, MediaTypes.OCI_INDEX, indexEntries, null)));
      writer.finish();
    } catch (IOException e) {
      throw new SystemException("save failed: " + e.getMessage(), e);
    }
  }

  /** dockerd's parseNames: IDs, {@code name} (all its tags), {@code name:tag}, ID prefixes. */
  private Map<Digest, List<ImageReference>> parseNames(List<String> names) {
    Map<Digest, List<ImageReference>> out = new LinkedHashMap<>();
    for (String name : names) {
      if (HEX64.matcher(name).matches() || Digest.isDigest(name)) {
        Digest id = HEX64.matcher(name).matches() ? new Digest("sha256", name) : Digest.parse(name);
        images.get(id).orElseThrow(() -> new NoSuchImageException(id.toString()));
        out.computeIfAbsent(id, k -> new ArrayList<>());
        continue;
      }
      ImageReference ref = ImageReference.parse(name);
      if (ref.familiarName().equals("sha256")) {
        out.computeIfAbsent(search(name), k -> new ArrayList<>());
        continue;
      }
      if (ref.isNameOnly()) {
        List<ReferenceStore.Association> assocs = refs.referencesByName(ref);
        for (ReferenceStore.Association a : assocs) {
          List<ImageReference> list = out.computeIfAbsent(a.id(), k -> new ArrayList<>());
          if (a.ref().hasTag() && !a.ref().hasDigest() && !list.contains(a.ref())) {
            list.add(a.ref());
          }
        }
        if (assocs.isEmpty()) {
          out.computeIfAbsent(search(name), k -> new ArrayList<>());
        }
        continue;
      }
      Digest id = refs.get(ref).orElseThrow(() -> new NotFoundException("reference does not exist"));
      List<ImageReference> list = out.computeIfAbsent(id, k -> new ArrayList<>());
      if (ref.hasTag() && !ref.hasDigest() && !list.contains(ref)) {
        list.add(ref);
      }
    }
    return out;
  }

  private Digest search(String term) {
    return images.search(term).orElseThrow(() -> new NoSuchImageException(term));
  }

  private static byte[] withNewline(byte[] json) {
    byte[] out = new byte[json.length + 1];
    System.arraycopy(json, 0, out, 0, json.length);
    out[json.length] = '\n';
    return out;
  }
}
