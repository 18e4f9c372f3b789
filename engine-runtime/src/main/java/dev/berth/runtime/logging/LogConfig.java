package dev.berth.runtime.logging;

import java.nio.file.Path;

/**
 * How a container's output is kept. Two drivers exist: {@code k8s-file} (conmon writes the file; Berth reads it
 * for {@code docker logs}) and {@code none}. The daemon maps Docker's {@code json-file}/{@code local} to
 * {@code k8s-file}; see {@link K8sFileLogReader} for the on-disk format.
 *
 * @param driver {@link #K8S_FILE} or {@link #NONE}
 * @param path the log file ({@code null} for none)
 * @param maxSize the size at which conmon starts the file over, or 0 for unbounded
 */
public record LogConfig(String driver, Path path, long maxSize) {
  public static final String K8S_FILE = "k8s-file";
  public static final String NONE = "none";

  public LogConfig {
    if (!driver.equals(K8S_FILE) && !driver.equals(NONE)) {
      throw new IllegalArgumentException("unknown log driver: " + driver);
    }
    if (driver.equals(K8S_FILE) && path == null) {
      throw new IllegalArgumentException("k8s-file needs a path");
    }
    if (path != null && path.toString().contains(":")) {
      throw new IllegalArgumentException("conmon cannot take a log path containing ':': " + path);
    }
  }

  public static LogConfig k8sFile(Path path, long maxSize) {
    return new LogConfig(K8S_FILE, path, maxSize);
  }

  public static LogConfig none() {
    return new LogConfig(NONE, null, 0);
  }

  public boolean isReadable() {
    return driver.equals(K8S_FILE);
  }

  /** The reader for this configuration ({@code none} refuses to read, as dockerd does). */
  public LogReader reader() {
    return isReadable() ? new K8sFileLogReader(path) : new NoneLogReader();
  }
}
