package dev.berth.daemon.build.dockerfile;

import dev.berth.api.errors.InvalidParameterException;

/**
 * A Dockerfile that cannot be parsed, expanded or dispatched by the classic builder. Carries dockerd's message
 * verbatim (for example {@code dockerfile parse error on line 3: unknown instruction: FOO}); the HTTP layer maps it
 * to 400 like every {@link InvalidParameterException}.
 */
public final class DockerfileException extends InvalidParameterException {

  public DockerfileException(String message) {
    super(message);
  }

  /** The wrapper buildkit's {@code instructions.Parse} puts around every instruction error. */
  static DockerfileException onLine(int line, String message) {
    return new DockerfileException("dockerfile parse error on line " + line + ": " + message);
  }
}
