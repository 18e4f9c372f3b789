package dev.berth.storage.volume;

import dev.berth.api.errors.ConflictException;
import java.util.List;

/** dockerd's {@code remove <name>: volume is in use - [<container IDs>]} ({@code OpErr} with refs). */
public final class VolumeInUseException extends ConflictException {
  public VolumeInUseException(String name, List<String> containerIds) {
    super("remove " + name + ": volume is in use - [" + String.join(", ", containerIds) + "]");
  }
}
