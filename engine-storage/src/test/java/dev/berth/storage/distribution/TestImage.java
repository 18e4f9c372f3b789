package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.ImageManifest;
import dev.berth.storage.distribution.manifest.ManifestJson;
import dev.berth.storage.distribution.manifest.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A synthetic image (random "layer" bytes, a small config) for registry tests. */
record TestImage(byte[] config, Descriptor configDescriptor, List<byte[]> layers, List<Descriptor> layerDescriptors,
    byte[] manifest, Digest manifestDigest) {

  static TestImage create(String arch, long seed, int... layerSizes) {
    Random rnd = new Random(seed);
    List<byte[]> layers = new ArrayList<>();
    List<Descriptor> descs = new ArrayList<>();
    for (int size : layerSizes) {
      byte[] b = new byte[size];
      rnd.nextBytes(b);
      layers.add(b);
      descs.add(Descriptor.of(MediaTypes.DOCKER_LAYER, Digest.sha256(b), size));
    }
    byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"seed\":" + seed + "}")
        .getBytes(StandardCharsets.UTF_8);
    Descriptor cd = Descriptor.of(MediaTypes.DOCKER_CONFIG, Digest.sha256(config), config.length);
    byte[] manifest = ManifestJson.goIndent(ImageManifest.docker(cd, descs));
    return new TestImage(config, cd, layers, descs, manifest, Digest.sha256(manifest));
  }

  /** Uploads blobs and manifest into {@code repo}, tagging it when {@code tag} is not null. */
  TestImage publish(FakeRegistry reg, String repo, String tag) {
    reg.putBlob(repo, config);
    layers.forEach(l -> reg.putBlob(repo, l));
    reg.putManifest(repo, tag, MediaTypes.DOCKER_MANIFEST, manifest);
    return this;
  }

  /** Puts the blobs into a local store, as a pushing daemon would have them. */
  void storeIn(MemoryBlobStore store) {
    store.put(config);
    layers.forEach(store::put);
  }

  PushRequest pushRequest(RemoteReference ref, AuthConfig auth, List<String> mountFrom) {
    return PushRequest.of(ref, auth, configDescriptor,
        layerDescriptors.stream().map(d -> new PushLayer(d, null, null,
            mountFrom.stream().map(r -> new KnownBlob(d, r)).toList())).toList());
  }
}
