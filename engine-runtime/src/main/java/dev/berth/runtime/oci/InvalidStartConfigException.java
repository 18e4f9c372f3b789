package dev.berth.runtime.oci;

import dev.berth.api.errors.InvalidParameterException;

/**
 * The container's command cannot be run: not found (exit code 127) or not executable (126). dockerd classifies
 * these the same way ({@code translateContainerdStartErr}) and records the exit code on the container.
 */
public final class InvalidStartConfigException extends InvalidParameterException {
  private final int exitCode;
  private final String runtimeMessage;

  public InvalidStartConfigException(String operation, String runtimeMessage, int exitCode) {
    super("OCI runtime " + operation + " failed: " + runtimeMessage + ": unknown");
    this.exitCode = exitCode;
    this.runtimeMessage = runtimeMessage;
  }

  /** 127 (command not found) or 126 (cannot be invoked). */
  public int exitCode() {
    return exitCode;
  }

  public String runtimeMessage() {
    return runtimeMessage;
  }
}
