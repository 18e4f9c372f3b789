package dev.berth.api.types;

/** The standard streams of a container process, numbered as in Docker's multiplexed framing. */
public enum StdStreamType {
  STDIN(0),
  STDOUT(1),
  STDERR(2);

  private final int id;

  StdStreamType(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }
}
