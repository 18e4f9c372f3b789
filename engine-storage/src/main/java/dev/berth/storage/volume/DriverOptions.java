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
 * and is refused here as dockerd refuses it without one. {@code type} and {@code device} require each other,
 * {@code o} requires both (moby's {@code mandatoryOpts}).
 */
public record DriverOptions(String type, String device, String o) {
  private static final Set<String> KNOWN = Set.of("type", "device", "o", "size");
  /** moby {@code mandatoryOpts}: an option, then the options it requires. */
  private static final String[][] MANDATORY = {{"device", "type"}, {"type", "device"}, {"o", "device", "type"}};

  public static DriverOptions parse(Map<String, String> opts) {
    if (opts == null || opts.isEmpty()) {
      return new DriverOptions("", "", "");
    }
    for (String k : opts.keySet()) {
      if (!KNOWN.contains(k)) {
        throw new InvalidParameterException("invalid option: \"" + k + "\"");
      }
    }
    if (opts.containsKey("size") && !opts.get("size").matches("0+[bBkKmMgGtTpP]?[bB]?")) {
      throw new InvalidParameterException("quota size requested but no quota support");
    }
    for (String[] rule : MANDATORY) {
      if (opts.containsKey(rule[0])) {
        for (int i = 1; i < rule.length; i++) {
          if (!opts.containsKey(rule[i])) {
            throw new InvalidParameterException("missing required option: \"" + rule[i] + "\"");
          }
        }
      }
    }
    String type = opts.getOrDefault("type", "");
    String device = opts.getOrDefault("device", "");
    String o = opts.getOrDefault("o", "");
    return new DriverOptions(type, device, o);
  }

  /** Whether a mount is needed at all. */
  public boolean needsMount() {
    return !type.isEmpty() || !device.isEmpty();
  }

  /**
   * The mount description, {@code mount -t type -o o device} ({@code type=none,o=bind} is a bind of
   * {@code device}).
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
    return List.of(new MountSpec(type, device, options));
  }
}
