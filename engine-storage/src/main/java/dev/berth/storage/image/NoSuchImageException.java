package dev.berth.storage.image;

import dev.berth.api.errors.NotFoundException;

/** dockerd's {@code ErrImageDoesNotExist}: "No such image: busybox:latest". The CLI pulls on this 404. */
public final class NoSuchImageException extends NotFoundException {
  public NoSuchImageException(String shown) {
    super("No such image: " + shown);
  }
}
