package dev.berth.api.errors;

/** The service or a dependency cannot serve the request now (503). */
public non-sealed class UnavailableException extends EngineException {
  public UnavailableException(String message) {
    this(message, null);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
