package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import java.util.List;

/**
 * A pushed manifest: the daemon prints {@code "<tag>: digest: <digest> size: <size>"} and sends the aux message
 * {@code {"Tag","Digest","Size"}} from it.
 *
 * @param layers the registry blobs the manifest lists, bottom-most first, in the order of the request's layers
 *     (compressed digests for layers gzipped on push): the daemon remembers them per diff ID
 */
public record PushResult(String tag, Digest digest, int size, String mediaType, byte[] manifest,
    List<Descriptor> layers) {

  public PushResult {
    layers = List.copyOf(layers);
  }
}
