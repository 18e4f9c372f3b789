package dev.berth.api.errors;

/** The operation is not allowed (403). */
public non-sealed class ForbiddenException extends EngineException {
  public ForbiddenException(String message) {
    this(message, null);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
