package dev.berth.daemon.container;

import dev.berth.api.errors.NotFoundException;

/** dockerd's 404 for an unknown container reference. */
public final class NoSuchContainerException extends NotFoundException {
  public NoSuchContainerException(String ref) {
    super("No such container: " + ref);
  }
}
