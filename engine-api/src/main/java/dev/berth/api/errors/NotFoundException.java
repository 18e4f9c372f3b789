package dev.berth.api.errors;

/** An object does not exist (404). */
public non-sealed class NotFoundException extends EngineException {
  public NotFoundException(String message) {
    this(message, null);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
