package dev.berth.storage.volume;

import dev.berth.api.errors.NotFoundException;

/** dockerd's {@code get <name>: no such volume} (an {@code OpErr} around {@code errNoSuchVolume}). */
public final class NoSuchVolumeException extends NotFoundException {
  public NoSuchVolumeException(String name) {
    super("get " + name + ": no such volume");
  }
}
