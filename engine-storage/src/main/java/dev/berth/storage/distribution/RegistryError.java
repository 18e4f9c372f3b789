package dev.berth.storage.distribution;

/**
 * One entry of a registry error body ({@code {"errors":[{"code","message","detail"}]}}), or one synthesised from a
 * non-JSON error response (moby {@code makeError}).
 *
 * @param codeOnly Go decodes an entry without detail whose message is empty or the code's default into a bare
 *     {@code ErrorCode}, which prints as just "manifest unknown" and is not treated as a full error by dockerd's
 *     pull error translation; this flag keeps that distinction
 */
record RegistryError(RegistryErrorCode code, String message, boolean codeOnly) {

  static RegistryError decoded(String code, String message, boolean hasDetail) {
    RegistryErrorCode c = RegistryErrorCode.of(code);
    String m = message == null ? "" : message;
    boolean codeOnly = !hasDetail && (m.isEmpty() || m.equals(c.defaultMessage));
    return new RegistryError(c, m, codeOnly);
  }

  /** {@code code.WithMessage(message)}: always a full error. */
  static RegistryError withMessage(RegistryErrorCode code, String message) {
    return new RegistryError(code, message, false);
  }

  /** What Go's {@code Error()} prints: "manifest unknown: manifest unknown", or "manifest unknown" when bare. */
  String goString() {
    return codeOnly ? code.text() : code.text() + ": " + message;
  }
}
