package dev.berth.api.errors;

/** The request asks for the current state; nothing was done (304). */
public non-sealed class NotModifiedException extends EngineException {
  public NotModifiedException(String message) {
    this(message, null);
  }

  public NotModifiedException(String message, Throwable cause) {
    super(message, cause);
  }
}
