package dev.berth.storage.distribution.manifest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import java.util.Locale;

/** An OCI platform ({@code os/arch/variant}) as found in indexes, configs and {@code --platform}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"architecture", "os", "os.version", "os.features", "variant", "features"})
public record Platform(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures,
    @JsonProperty("variant") String variant,
    @JsonProperty("features") List<String> features) {

  public static Platform of(String os, String architecture, String variant) {
    return new Platform(architecture, os, null, null, variant, null);
  }

  /**
   * Parses {@code os[/arch[/variant]]} as {@code --platform} does (containerd {@code platforms.Parse}, without the
   * Windows {@code os(version)} syntax). A lone architecture such as {@code arm64} means linux.
   */
  public static Platform parse(String specifier) {
    if (specifier == null || specifier.isBlank()) {
      throw new InvalidParameterException("\"\": invalid platform specifier");
    }
    String[] parts = specifier.toLowerCase(Locale.ROOT).split("/", -1);
    for (String p : parts) {
      if (!p.matches("[a-z0-9_.-]+")) {
        throw new InvalidParameterException("\"" + specifier + "\": invalid platform specifier");
      }
    }
    Platform p = switch (parts.length) {
      case 1 -> isKnownOs(parts[0]) ? of(parts[0], null, null).withHostArch() : of("linux", parts[0], null);
      case 2 -> of(parts[0], parts[1], null);
      case 3 -> of(parts[0], parts[1], parts[2]);
      default -> throw new InvalidParameterException(
          "\"" + specifier + "\": cannot parse platform specifier");
    };
    return p.normalize();
  }

  private static boolean isKnownOs(String s) {
    return List.of("linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix",
        "android", "ios", "plan9", "js", "wasip1", "dragonfly").contains(s);
  }

  private Platform withHostArch() {
    Platform host = HostPlatform.current();
    return of(os, host.architecture(), host.variant());
  }

  /** containerd {@code platforms.Normalize}: canonical os, architecture and variant names. */
  public Platform normalize() {
    String o = os == null || os.isEmpty() ? "linux" : os.toLowerCase(Locale.ROOT);
    if (o.equals("macos")) {
      o = "darwin";
    }
    String a = architecture == null ? "" : architecture.toLowerCase(Locale.ROOT);
    String v = variant == null ? "" : variant.toLowerCase(Locale.ROOT);
    switch (a) {
      case "i386" -> {
        a = "386";
        v = "";
      }
      case "x86_64", "x86-64", "amd64" -> {
        a = "amd64";
        if (v.equals("v1")) {
          v = "";
        }
      }
      case "aarch64", "arm64" -> {
        a = "arm64";
        v = switch (v) {
          case "8", "v8", "v8.0" -> "";
          case "9", "9.0", "v9.0" -> "v9";
          default -> v;
        };
      }
      case "armhf" -> {
        a = "arm";
        v = "v7";
      }
      case "armel" -> {
        a = "arm";
        v = "v6";
      }
      case "arm" -> v = switch (v) {
        case "", "7" -> "v7";
        case "5", "6", "8" -> "v" + v;
        default -> v;
      };
      default -> { }
    }
    return new Platform(a, o, osVersion, osFeatures, v.isEmpty() ? null : v, features);
  }

  /** containerd {@code platforms.FormatAll} without the Windows version part: {@code linux/arm/v7}. */
  public String format() {
    if (os == null || os.isEmpty()) {
      return "unknown";
    }
    StringBuilder sb = new StringBuilder(os);
    if (architecture != null && !architecture.isEmpty()) {
      sb.append('/').append(architecture);
    }
    if (variant != null && !variant.isEmpty()) {
      sb.append('/').append(variant);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
