package dev.berth.runtime.spec;

/**
 * How the container gets one kind of namespace. {@link Kind#PRIVATE} and {@link Kind#NONE} create a new one;
 * {@link Kind#PATH} joins a namespace the daemon prepared (e.g. a bridge sandbox's {@code /run/netns/…});
 * {@link Kind#CONTAINER} joins another container's ({@code /proc/<pid>/ns/…}); {@link Kind#HOST} shares the host's.
 */
public record NamespaceMode(Kind kind, String path) {

  /** The ways to obtain a namespace. */
  public enum Kind { PRIVATE, NONE, HOST, PATH, CONTAINER }

  public NamespaceMode {
    boolean needsPath = kind == Kind.PATH || kind == Kind.CONTAINER;
    if (needsPath != (path != null && !path.isEmpty())) {
      throw new IllegalArgumentException(kind + " namespace mode " + (needsPath ? "needs" : "takes no") + " path");
    }
  }

  public static NamespaceMode privateNs() {
    return new NamespaceMode(Kind.PRIVATE, null);
  }

  /** A new namespace with nothing set up in it: {@code --network none}, {@code --ipc none} (no /dev/shm). */
  public static NamespaceMode none() {
    return new NamespaceMode(Kind.NONE, null);
  }

  public static NamespaceMode host() {
    return new NamespaceMode(Kind.HOST, null);
  }

  /** Join a namespace file the daemon created for this container (e.g. a network sandbox). */
  public static NamespaceMode path(String nsPath) {
    return new NamespaceMode(Kind.PATH, nsPath);
  }

  /**
   * Join the namespace of another container's init process.
   *
   * @param nsFile the file name under {@code /proc/<pid>/ns}: {@code net}, {@code ipc}, {@code pid}, {@code uts}
   */
  public static NamespaceMode container(long pid, String nsFile) {
    return new NamespaceMode(Kind.CONTAINER, "/proc/" + pid + "/ns/" + nsFile);
  }

  public boolean isHost() {
    return kind == Kind.HOST;
  }

  /** True unless the host's namespace is shared. */
  public boolean isSeparate() {
    return kind != Kind.HOST;
  }
}
