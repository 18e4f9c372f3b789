package dev.berth.runtime.oci;

import dev.berth.api.errors.SystemException;

/** The OCI runtime (or the monitor running it) failed; {@link #runtimeMessage()} is its own text (500). */
public class OciRuntimeException extends SystemException {
  private final String runtimeMessage;

  public OciRuntimeException(String operation, String runtimeMessage) {
    super("OCI runtime " + operation + " failed: " + runtimeMessage + ": unknown");
    this.runtimeMessage = runtimeMessage;
  }

  /** The runtime's message without the "OCI runtime … failed" frame, e.g. {@code runc create failed: …}. */
  public String runtimeMessage() {
    return runtimeMessage;
  }
}
