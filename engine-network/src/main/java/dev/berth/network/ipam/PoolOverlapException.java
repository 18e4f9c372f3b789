package dev.berth.network.ipam;

import dev.berth.api.errors.ForbiddenException;

/** libnetwork's ErrPoolOverlap (a Forbidden kind in moby). */
public final class PoolOverlapException extends ForbiddenException {
  public PoolOverlapException() {
    super("invalid pool request: Pool overlaps with other one on this address space");
  }
}
