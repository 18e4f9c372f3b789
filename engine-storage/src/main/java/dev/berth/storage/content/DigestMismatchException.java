package dev.berth.storage.content;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;

/** Content did not hash to the digest it was announced with (a corrupt download or archive). */
public final class DigestMismatchException extends InvalidParameterException {
  private final Digest expected;
  private final Digest actual;

  public DigestMismatchException(Digest expected, Digest actual) {
    super("digest mismatch: expected " + expected + ", got " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  public Digest expected() {
    return expected;
  }

  public Digest actual() {
    return actual;
  }
}
