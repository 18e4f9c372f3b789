package dev.berth.network;

import dev.berth.api.errors.NotFoundException;

/** moby's {@code network X not found}. */
public final class NetworkNotFoundException extends NotFoundException {
  public NetworkNotFoundException(String term) {
    super("network " + term + " not found");
  }
}
