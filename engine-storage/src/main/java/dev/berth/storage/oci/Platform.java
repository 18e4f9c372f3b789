package dev.berth.storage.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/** An OCI platform ({@code architecture}, {@code os}, optional variant and OS version). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(Include.NON_EMPTY)
public record Platform(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures,
    @JsonProperty("variant") String variant) {

  /** The platform this JVM runs on, with Go's architecture names. */
  public static Platform host() {
    String arch = switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      case "ppc64le" -> "ppc64le";
      case "s390x" -> "s390x";
      case "riscv64" -> "riscv64";
      case "arm" -> "arm";
      default -> System.getProperty("os.arch");
    };
    return new Platform(arch, "linux", null, null, "arm64".equals(arch) ? "v8" : null);
  }

  /** Same OS and architecture (a missing variant matches any), as a simple platform matcher. */
  public boolean matches(Platform other) {
    if (other == null) {
      return false;
    }
    if (!String.valueOf(os).equals(other.os) || !String.valueOf(architecture).equals(other.architecture)) {
      return false;
    }
    return variant == null || other.variant == null || variant.equals(other.variant);
  }
}
