package dev.berth.daemon.it;

/** The outcome of one CLI invocation. */
public record CliResult(int exitCode, String stdout, String stderr) {
  public String out() {
    return stdout.strip();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }
}
