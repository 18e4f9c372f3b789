package dev.berth.storage.distribution;

import java.util.List;

/**
 * A registry answered a request with an error. Internal: operations translate it once, through
 * {@link RegistryErrors}, into an engine error kind before it leaves this package.
 *
 * @param errors the decoded error entries; empty for an unexpected status or an unparseable body
 */
final class RegistryResponseException extends RuntimeException {
  private final int status;
  private final transient List<RegistryError> errors;

  RegistryResponseException(int status, List<RegistryError> errors, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  List<RegistryError> errors() {
    return errors;
  }

  /** The first decoded error, when there is one. */
  RegistryError first() {
    return errors.isEmpty() ? null : errors.get(0);
  }

  boolean hasCode(RegistryErrorCode code) {
    return errors.stream().anyMatch(e -> e.code() == code);
  }
}
