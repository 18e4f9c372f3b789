package dev.berth.daemon.config;

/** The configuration cannot be used; berthd prints the message and exits non-zero. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
