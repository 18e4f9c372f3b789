package dev.berth.storage.gc;

import dev.berth.storage.digest.Digest;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Protects layers and blobs that an operation in progress (pull, load, import, commit) has written but no image
 * references yet, so that a concurrent garbage collection does not remove them (containerd's leases).
 */
public final class Leases {
  private final Set<Lease> active = ConcurrentHashMap.newKeySet();

  /** Starts a lease; close it once the image that uses the protected content exists (or the operation failed). */
  public Lease open() {
    Lease l = new Lease(this);
    active.add(l);
    return l;
  }

  void release(Lease l) {
    active.remove(l);
  }

  /** Everything currently protected. */
  public Set<Digest> protectedDigests() {
    Set<Digest> out = new HashSet<>();
    for (Lease l : active) {
      out.addAll(l.digests());
    }
    return out;
  }
}
