package dev.berth.daemon.container;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.NotModifiedException;
import dev.berth.api.errors.SystemException;

/**
 * A container's state, exclusive (one value, unlike moby's boolean flags). The wire booleans
 * ({@code State.Running}, {@code Paused} …) are derived from it. The guards throw dockerd's kinds and messages.
 */
public enum ContainerStatus {
  CREATED("created"),
  RUNNING("running"),
  PAUSED("paused"),
  RESTARTING("restarting"),
  REMOVING("removing"),
  EXITED("exited"),
  DEAD("dead");

  private final String wire;

  ContainerStatus(String wire) {
    this.wire = wire;
  }

  /** The {@code State.Status} string. */
  public String wire() {
    return wire;
  }

  public boolean isRunning() {
    return this == RUNNING || this == PAUSED || this == RESTARTING;
  }

  public void checkCanStart() {
    switch (this) {
      case RUNNING -> throw new NotModifiedException("container is already running");
      case PAUSED -> throw new ConflictException("cannot start a paused container, try unpause instead");
      case REMOVING, DEAD -> throw new ConflictException("container is marked for removal and cannot be started");
      default -> { }
    }
  }

  public void checkCanPause(String id) {
    switch (this) {
      case PAUSED -> throw new ConflictException("container " + id + " is already paused");
      case RUNNING -> { }
      case RESTARTING -> throw new ConflictException("container " + id + " is restarting, wait until the "
          + "container is running");
      default -> throw new ConflictException("container " + id + " is not running");
    }
  }

  public void checkCanUnpause(String id) {
    if (this != PAUSED) {
      // moby containerUnpause returns a plain error here: 500, capitalised (unlike pause's 409)
      throw new SystemException("Container " + id + " is not paused");
    }
  }

  /** dockerd's message when an operation needs a running container (kill, exec, resize, top …). */
  public void checkRunning(String id) {
    if (this == PAUSED) {
      throw new ConflictException("container " + id + " is paused, unpause the container before exec");
    }
    if (this != RUNNING && this != RESTARTING) {
      throw new ConflictException("container " + id + " is not running");
    }
  }
}
