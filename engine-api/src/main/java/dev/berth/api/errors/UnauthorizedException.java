package dev.berth.api.errors;

/** Authentication is required or failed (401). */
public non-sealed class UnauthorizedException extends EngineException {
  public UnauthorizedException(String message) {
    this(message, null);
  }

  public UnauthorizedException(String message, Throwable cause) {
    super(message, cause);
  }
}
