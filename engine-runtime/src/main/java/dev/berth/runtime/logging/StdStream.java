package dev.berth.runtime.logging;

/** A container output stream, with the ids used on the wire by Docker's stdcopy framing and by conmon. */
public enum StdStream {
  STDOUT(1, 2, "stdout"),
  STDERR(2, 3, "stderr");

  private final int dockerId;
  private final int conmonId;
  private final String k8sName;

  StdStream(int dockerId, int conmonId, String k8sName) {
    this.dockerId = dockerId;
    this.conmonId = conmonId;
    this.k8sName = k8sName;
  }

  /** The stream byte of Docker's multiplexed framing: 1 stdout, 2 stderr. */
  public int dockerId() {
    return dockerId;
  }

  /** The first byte of each conmon attach-socket packet: 2 stdout, 3 stderr. */
  public int conmonId() {
    return conmonId;
  }

  /** The name in a k8s-file log line. */
  public String k8sName() {
    return k8sName;
  }

  /** The stream for a conmon packet id, or null for ids conmon does not send. */
  public static StdStream ofConmonId(int id) {
    return id == 2 ? STDOUT : id == 3 ? STDERR : null;
  }

  public static StdStream ofK8sName(String name) {
    return switch (name) {
      case "stdout" -> STDOUT;
      case "stderr" -> STDERR;
      default -> null;
    };
  }
}
