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
  private final boolean wrapped;

  RegistryResponseException(int status, List<RegistryError> errors, String message) {
    this(status, errors, message, false);
  }

  private RegistryResponseException(int status, List<RegistryError> errors, String message, boolean wrapped) {
    super(message, null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.wrapped = wrapped;
  }

  /**
   * A failure while authorising a request (token server refused, no basic credentials), worded like Go's
   * {@code url.Error}: {@code Head "https://…/manifests/latest": unauthorized: incorrect username or password}.
   * dockerd does not apply its pull translation to these.
   */
  static RegistryResponseException authorization(String method, java.net.URI uri, int status,
      List<RegistryError> errors, String cause) {
    return new RegistryResponseException(status, errors,
        TransportErrors.op(method) + " \"" + uri + "\": " + cause, true);
  }

  boolean wrapped() {
    return wrapped;
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
