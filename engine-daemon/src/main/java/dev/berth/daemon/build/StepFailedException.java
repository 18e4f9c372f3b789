package dev.berth.daemon.build;

import dev.berth.api.errors.SystemException;

/** A RUN step exited non-zero; {@link #code} is the exit code the CLI exits with (moby {@code jsonmessage} code). */
public final class StepFailedException extends SystemException {
  private final int code;

  StepFailedException(String command, long code) {
    super("The command '" + command + "' returned a non-zero code: " + code);
    this.code = (int) code;
  }

  public int code() {
    return code;
  }
}
