package dev.berth.api.errors;

/** An internal failure: I/O, a native call or a runtime binary failed (500). */
public non-sealed class SystemException extends EngineException {
  public SystemException(String message) {
    this(message, null);
  }

  public SystemException(String message, Throwable cause) {
    super(message, cause);
  }
}
