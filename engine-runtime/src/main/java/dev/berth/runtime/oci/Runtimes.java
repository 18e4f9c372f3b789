package dev.berth.runtime.oci;

import dev.berth.api.errors.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configured runtimes by name, with a default (dockerd's {@code runtimes} + {@code default-runtime}). */
public final class Runtimes {
  private final Map<String, RuntimeConfig> byName = new LinkedHashMap<>();
  private final String defaultName;

  public Runtimes(List<RuntimeConfig> runtimes, String defaultName) {
    for (RuntimeConfig r : runtimes) {
      if (byName.putIfAbsent(r.name(), r) != null) {
        throw new IllegalArgumentException("runtime configured twice: " + r.name());
      }
    }
    if (!byName.containsKey(defaultName)) {
      throw new IllegalArgumentException("default runtime is not configured: " + defaultName);
    }
    this.defaultName = defaultName;
  }

  /** The runtime called {@code name}; {@code null} or empty selects the default. */
  public RuntimeConfig forName(String name) {
    String key = name == null || name.isEmpty() ? defaultName : name;
    RuntimeConfig r = byName.get(key);
    if (r == null) {
      throw new InvalidParameterException("unknown or invalid runtime name: " + key);
    }
    return r;
  }

  public String defaultName() {
    return defaultName;
  }

  public Set<String> names() {
    return Set.copyOf(byName.keySet());
  }
}
