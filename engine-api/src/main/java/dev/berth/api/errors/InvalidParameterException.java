package dev.berth.api.errors;

/** The request is malformed or names a bad value (400). */
public non-sealed class InvalidParameterException extends EngineException {
  public InvalidParameterException(String message) {
    this(message, null);
  }

  public InvalidParameterException(String message, Throwable cause) {
    super(message, cause);
  }
}
