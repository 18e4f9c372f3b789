package dev.berth.storage.layer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.oci.Descriptor;

/** The on-disk form of a {@link Layer}: {@code layerdb/sha256/<chain hex>.json}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record LayerFile(
    @JsonProperty("chainId") String chainId,
    @JsonProperty("diffId") String diffId,
    @JsonProperty("parent") @JsonInclude(Include.NON_NULL) String parent,
    @JsonProperty("cacheId") String cacheId,
    @JsonProperty("size") long size,
    @JsonProperty("tarSize") long tarSize,
    @JsonProperty("blob") Descriptor blob) {

  static LayerFile of(Layer l) {
    return new LayerFile(l.chainId().toString(), l.diffId().toString(),
        l.parent() == null ? null : l.parent().toString(), l.cacheId(), l.size(), l.tarSize(), l.blob());
  }

  Layer toLayer() {
    return new Layer(Digest.parse(chainId), Digest.parse(diffId), parent == null ? null : Digest.parse(parent),
        cacheId, size, tarSize, blob);
  }
}
