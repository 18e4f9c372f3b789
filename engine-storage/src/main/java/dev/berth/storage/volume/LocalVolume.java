package dev.berth.storage.volume;

import dev.berth.api.types.MountSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A volume of the local driver: its data lives in {@code <volumes>/<name>/_data}.
 *
 * @param labels never null
 * @param options the driver options as given ({@code type}, {@code device}, {@code o}), never null
 */
public record LocalVolume(String name, Path dataPath, Instant createdAt, Map<String, String> labels,
    Map<String, String> options) {

  /** The label dockerd (≥ 23) puts on anonymous volumes; {@code volume prune} removes only these by default. */
  public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
  public static final String DRIVER = "local";

  public LocalVolume {
    labels = Map.copyOf(labels);
    options = Map.copyOf(options);
  }

  public boolean isAnonymous() {
    return labels.containsKey(ANONYMOUS_LABEL);
  }

  /** What must be mounted on {@link #dataPath()} before a container uses it; empty for a plain directory. */
  public List<MountSpec> mounts() {
    return DriverOptions.parse(options).mounts();
  }
}
