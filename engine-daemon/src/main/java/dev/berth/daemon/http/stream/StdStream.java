package dev.berth.daemon.http.stream;

/** The stream ids of Docker's multiplexed ("stdcopy") framing. */
public enum StdStream {
  STDIN(0),
  STDOUT(1),
  STDERR(2),
  /** Daemon-side errors in the stream (moby {@code stdcopy.Systemerr}). */
  SYSTEMERR(3);

  private final int id;

  StdStream(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }
}
