package dev.berth.storage.gc;

import dev.berth.storage.digest.Digest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A set of layer chain IDs and blob digests kept alive until {@link #close()}. Thread-safe. */
public final class Lease implements AutoCloseable {
  private final Leases owner;
  private final Set<Digest> digests = ConcurrentHashMap.newKeySet();

  Lease(Leases owner) {
    this.owner = owner;
  }

  /** Protects a layer (by chain ID) or a blob (by digest). */
  public void protect(Digest d) {
    digests.add(d);
  }

  Set<Digest> digests() {
    return Set.copyOf(digests);
  }

  @Override
  public void close() {
    owner.release(this);
  }
}
