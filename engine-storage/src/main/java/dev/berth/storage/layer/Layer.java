package dev.berth.storage.layer;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.oci.Descriptor;

/**
 * A registered read-only layer.
 *
 * @param chainId identity of this layer with everything below it
 * @param diffId sha256 of the uncompressed tar
 * @param parent chain ID of the layer below, or null for a base layer
 * @param cacheId the snapshotter's id for its files (overlay2 directory name)
 * @param size bytes of file content in this layer alone
 * @param tarSize length of the uncompressed tar (its sha256 is the diff ID)
 * @param blob the stored tar in the content store, as received (uncompressed for load/import, the compressed
 *     registry blob for pulls)
 */
public record Layer(Digest chainId, Digest diffId, Digest parent, String cacheId, long size, long tarSize,
    Descriptor blob) {}
