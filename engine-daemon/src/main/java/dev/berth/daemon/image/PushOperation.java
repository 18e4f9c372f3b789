package dev.berth.daemon.image;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.AuthConfig;
import dev.berth.storage.distribution.ImagePusher;
import dev.berth.storage.distribution.KnownBlobStore;
import dev.berth.storage.distribution.PushLayer;
import dev.berth.storage.distribution.PushRequest;
import dev.berth.storage.distribution.PushResult;
import dev.berth.storage.distribution.RemoteReference;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.MediaTypes;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.reference.ReferenceStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code docker push} (moby {@code distribution.Push} + {@code pusher.pushTag}): "The push refers to repository",
 * then per tag the layers (pulled blobs as they are, uncompressed ones gzip-compressed; either found in or mounted
 * from repositories the {@link KnownBlobStore} knows to hold them), config and manifest, "tag: digest: … size: …"
 * and the aux {@code {Tag, Digest, Size}}. The pushed digest is recorded as a RepoDigest, and the registry blob of
 * every layer under its diff ID, so the next push neither compresses nor uploads it again.
 */
final class PushOperation {
  private final ImageService images;
  private final ImagePusher pusher;
  private final KnownBlobStore known;
  private final ImageEvents events;

  PushOperation(ImageService images, ImagePusher pusher, KnownBlobStore known, ImageEvents events) {
    this.images = images;
    this.pusher = pusher;
    this.known = known;
    this.events = events;
  }

  void push(ImageReference ref, AuthConfig auth, Consumer<JsonMessage> out) {
    out.accept(JsonMessage.status("The push refers to repository [" + ref.name() + "]"));
    List<ReferenceStore.Association> tagged = images.referenceStore().referencesByName(ref.nameOnly()).stream()
        .filter(a -> a.ref().hasTag()).toList();
    if (tagged.isEmpty()) {
      throw new NotFoundException("An image does not exist locally with the tag: " + ref.familiarName());
    }
    if (ref.hasTag()) {
      Digest id = images.referenceStore().get(ref)
          .orElseThrow(() -> new NotFoundException("tag does not exist: " + ref.familiarString()));
      pushTag(ref, id, auth, out);
    } else {
      for (ReferenceStore.Association a : tagged) {
        pushTag(a.ref(), a.id(), auth, out);
      }
    }
    events.imageEvent("push", ref.familiarString(), ref.familiarName());
  }

  private void pushTag(ImageReference ref, Digest imageId, AuthConfig auth, Consumer<JsonMessage> out) {
    Image img = images.imageStore().get(imageId)
        .orElseThrow(() -> new NotFoundException("No such image: " + imageId));
    RemoteReference remote = new RemoteReference(ref.domain(), ref.path(), ref.tag(), null);
    List<Layer> chain = img.topChainId().map(top -> images.layerStore().chain(top)).orElse(List.of());
    List<PushLayer> layers = new ArrayList<>();
    for (Layer l : chain) {
      Descriptor blob = Descriptor.of(l.blob().mediaType(), l.blob().digestValue(), l.blob().size());
      layers.add(new PushLayer(blob, l.diffId(), l.diffId().shortHex(), known.lookup(l.diffId(), remote.domain())));
    }
    Descriptor config = Descriptor.of(MediaTypes.DOCKER_CONFIG, imageId, img.rawLength());
    PushResult result = pusher.push(PushRequest.of(remote, auth, config, layers),
        ContentBlobs.source(images.contentStore(), Map.of(imageId, img.rawJson())), ProgressMessages.listener(out));
    known.record(chain.stream().map(Layer::diffId).toList(), result.layers(), remote.domain(), remote.path());
    images.referenceStore().addDigest(ref.nameOnly().withDigest(result.digest()), imageId, true);
    out.accept(JsonMessage.status(result.tag() + ": digest: " + result.digest() + " size: " + result.size()));
    Map<String, Object> aux = new LinkedHashMap<>();
    aux.put("Tag", result.tag());
    aux.put("Digest", result.digest().toString());
    aux.put("Size", result.size());
    out.accept(JsonMessage.progressAux(aux));
  }
}
