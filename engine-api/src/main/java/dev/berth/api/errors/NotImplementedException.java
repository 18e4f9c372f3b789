package dev.berth.api.errors;

/** The feature is not implemented (501). */
public non-sealed class NotImplementedException extends EngineException {
  public NotImplementedException(String message) {
    this(message, null);
  }

  public NotImplementedException(String message, Throwable cause) {
    super(message, cause);
  }
}
