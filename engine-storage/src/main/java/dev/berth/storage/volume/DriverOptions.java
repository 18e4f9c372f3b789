package dev.berth.storage.volume;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.types.MountSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local driver's options (moby {@code volume/local}): {@code type} (filesystem type, {@code none} for a
 * bind), {@code device} (mount source), {@code o} (mount options); {@code size} needs a quota-capable filesystem
 * and is refused here as dockerd refuses it without one.
 */
public record DriverOptions(String type, String device, String o) {
  private static final Set<String> KNOWN = Set.of("type", "device", "o", "size");

  public static DriverOptions parse(Map<String, String> opts) {
    if (opts == null || opts.isEmpty()) {
      return new DriverOptions("", "", "");
    }
    for (String k : opts.keySet()) {
      if (!KNOWN.contains(k)) {
        throw new InvalidParameterException("invalid option: \"" + k + "\"");
      }
    }
    if (opts.containsKey("size")) {
      throw new InvalidParameterException("quota size requested but no quota support");
    }
    String type = opts.getOrDefault("type", "");
    String device = opts.getOrDefault("device", "");
    String o = opts.getOrDefault("o", "");
    if (!type.isEmpty() && device.isEmpty() && !type.equals("tmpfs")) {
      throw new InvalidParameterException("missing required option: \"device\"");
    }
    if (type.isEmpty() && (!device.isEmpty() || !o.isEmpty())) {
      throw new InvalidParameterException("missing required option: \"type\"");
    }
    return new DriverOptions(type, device, o);
  }

  /** Whether a mount is needed at all. */
  public boolean needsMount() {
    return !type.isEmpty();
  }

  /**
   * The mount description: {@code type=none} with {@code o=bind} becomes a bind of {@code device}; otherwise
   * {@code mount -t type -o o device}. A bare {@code tmpfs} mounts source {@code tmpfs}.
   */
  public List<MountSpec> mounts() {
    if (!needsMount()) {
      return List.of();
    }
    List<String> options = new ArrayList<>();
    for (String opt : o.split(",")) {
      if (!opt.isEmpty()) {
        options.add(opt);
      }
    }
    String fs = type.equals("none") ? "none" : type;
    String source = device.isEmpty() ? type : device;
    return List.of(new MountSpec(fs, source, options));
  }
}
