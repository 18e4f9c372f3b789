package dev.berth.runtime.oci;

import dev.berth.api.errors.NotFoundException;

/** The runtime has no state for the container (never created, or already deleted). */
public final class NoSuchRuntimeContainerException extends NotFoundException {
  public NoSuchRuntimeContainerException(String id) {
    super("No such container: " + id);
  }
}
