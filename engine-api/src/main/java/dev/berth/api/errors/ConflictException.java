package dev.berth.api.errors;

/** The request conflicts with the current state (409). */
public non-sealed class ConflictException extends EngineException {
  public ConflictException(String message) {
    this(message, null);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
