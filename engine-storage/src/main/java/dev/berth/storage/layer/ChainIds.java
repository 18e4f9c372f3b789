package dev.berth.storage.layer;

import dev.berth.storage.digest.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * Chain IDs identify a layer together with everything below it: the base layer's chain ID is its diff ID, and
 * each layer above has {@code sha256(parentChainID + " " + diffID)} (OCI image-spec, config.md).
 */
public final class ChainIds {
  private ChainIds() {}

  public static Digest next(Digest parentChain, Digest diffId) {
    return parentChain == null ? diffId : Digest.sha256(parentChain + " " + diffId);
  }

  /** The chain ID of every prefix of {@code diffIds}, bottom first. */
  public static List<Digest> of(List<Digest> diffIds) {
    List<Digest> out = new ArrayList<>(diffIds.size());
    Digest chain = null;
    for (Digest d : diffIds) {
      chain = next(chain, d);
      out.add(chain);
    }
    return out;
  }

  /** The chain ID of the whole stack, or null for no layers. */
  public static Digest top(List<Digest> diffIds) {
    List<Digest> all = of(diffIds);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }
}
