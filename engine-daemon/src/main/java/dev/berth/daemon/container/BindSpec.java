package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import java.util.Set;

/**
 * One {@code -v} / {@code HostConfig.Binds} entry parsed as dockerd's Linux {@code ParseMountRaw} does:
 * {@code /dst} (anonymous volume), {@code src:/dst}, {@code src:/dst:mode}; an absolute {@code src} is a bind,
 * anything else a volume name. {@code mode} is a comma list of {@code ro|rw}, {@code nocopy}, {@code z|Z} and a
 * propagation.
 *
 * @param source empty for an anonymous volume
 */
record BindSpec(String source, String destination, String mode, boolean readOnly, boolean noCopy,
    String propagation) {
  private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave",
      "rslave");

  static BindSpec parse(String spec) {
    String[] parts = spec.split(":", -1);
    String src;
    String dst;
    String mode = "";
    switch (parts.length) {
      case 1 -> {
        src = "";
        dst = parts[0];
      }
      case 2 -> {
        if (validMode(parts[1])) {
          src = "";
          dst = parts[0];
          mode = parts[1];
        } else {
          src = parts[0];
          dst = parts[1];
        }
      }
      case 3 -> {
        src = parts[0];
        dst = parts[1];
        mode = parts[2];
      }
      default -> throw invalid(spec);
    }
    if (dst.isEmpty() || (parts.length > 1 && src.isEmpty() && !validMode(parts[1]))) {
      throw invalid(spec);
    }
    if (!mode.isEmpty() && !validMode(mode)) {
      throw new InvalidParameterException("invalid mode: " + mode);
    }
    if (!dst.startsWith("/")) {
      throw new InvalidParameterException("invalid volume specification: '" + spec + "': invalid mount config for "
          + "type \"" + (src.startsWith("/") ? "bind" : "volume") + "\": invalid mount path: '" + dst
          + "' mount path must be absolute");
    }
    List<String> opts = mode.isEmpty() ? List.of() : List.of(mode.split(","));
    String propagation = opts.stream().filter(PROPAGATIONS::contains).findFirst().orElse("");
    if (!propagation.isEmpty() && !src.startsWith("/")) {
      throw new InvalidParameterException("invalid volume specification: '" + spec + "': invalid mount config for "
          + "type \"volume\": field BindOptions must not be specified");
    }
    if (opts.contains("nocopy") && src.startsWith("/")) {
      throw new InvalidParameterException("invalid volume specification: '" + spec + "': invalid mode: " + mode);
    }
    return new BindSpec(src, clean(dst), mode, opts.contains("ro"), opts.contains("nocopy"), propagation);
  }

  boolean isBind() {
    return source.startsWith("/");
  }

  private static boolean validMode(String mode) {
    int rw = 0;
    int prop = 0;
    for (String o : mode.split(",")) {
      switch (o) {
        case "ro", "rw" -> rw++;
        case "nocopy", "z", "Z" -> { }
        default -> {
          if (!PROPAGATIONS.contains(o)) {
            return false;
          }
          prop++;
        }
      }
    }
    return rw <= 1 && prop <= 1;
  }

  private static InvalidParameterException invalid(String spec) {
    return new InvalidParameterException("invalid volume specification: '" + spec + "'");
  }

  /** {@code filepath.Clean} for absolute paths. */
  static String clean(String p) {
    String c = java.nio.file.Path.of(p).normalize().toString();
    return c.isEmpty() ? "/" : c;
  }
}
