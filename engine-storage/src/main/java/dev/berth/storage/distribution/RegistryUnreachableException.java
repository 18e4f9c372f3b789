package dev.berth.storage.distribution;

import dev.berth.api.errors.SystemException;

/**
 * The registry could not be spoken to (connection refused, DNS, TLS, a dropped connection). The message is the
 * one Go's {@code net/http} would give, e.g. {@code Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000:
 * connect: connection refused}, because that is what dockerd shows. Endpoint fallback (https → http, mirror →
 * origin) triggers on this kind of failure.
 */
public final class RegistryUnreachableException extends SystemException {
  private final boolean connected;

  RegistryUnreachableException(String message, boolean connected, Throwable cause) {
    super(message, cause);
    this.connected = connected;
  }

  /** True when a TCP connection was made before things went wrong (for example a TLS/HTTP mix-up). */
  public boolean connected() {
    return connected;
  }
}
