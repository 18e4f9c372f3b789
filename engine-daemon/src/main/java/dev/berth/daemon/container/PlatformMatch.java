package dev.berth.daemon.container;

import dev.berth.api.errors.NotFoundException;
import java.util.Locale;

/**
 * {@code docker create/run --platform}: a local image whose platform does not match counts as missing (moby
 * {@code getImage} with a platform: 404, so the CLI tries to pull the wanted platform). Pure. An image without a
 * variant matches any variant of its architecture (moby {@code OnlyPlatformWithFallback}).
 */
final class PlatformMatch {
  private record Platform(String os, String arch, String variant) {
    static Platform parse(String s) {
      String[] p = s.toLowerCase(Locale.ROOT).split("/");
      if (p.length == 1) {
        return p[0].equals("linux") || p[0].equals("windows") || p[0].equals("darwin")
            ? new Platform(p[0], "", "") : new Platform("linux", p[0], "");
      }
      return new Platform(p[0], p[1], p.length > 2 ? p[2] : "");
    }

    /** containerd's {@code platforms.Normalize} for the common architectures. */
    Platform normalized() {
      String a = switch (arch) {
        case "x86_64", "x86-64" -> "amd64";
        case "aarch64" -> "arm64";
        case "i386" -> "386";
        default -> arch;
      };
      String v = variant;
      if (a.equals("arm64") && v.equals("v8")) {
        v = "";
      }
      if (a.equals("amd64") && v.equals("v1")) {
        v = "";
      }
      return new Platform(os, a, v);
    }

    String format() {
      return os + "/" + arch + (variant.isEmpty() ? "" : "/" + variant);
    }
  }

  private PlatformMatch() {}

  /**
   * @param requested the {@code platform} query parameter (null or empty: anything goes)
   * @param actual the image's {@code os/architecture[/variant]}
   */
  static void check(String ref, String requested, String actual) {
    if (requested == null || requested.isEmpty() || actual == null || actual.isEmpty()) {
      return;
    }
    Platform want = Platform.parse(requested);
    Platform have = Platform.parse(actual);
    Platform w = want.normalized();
    Platform h = have.normalized();
    boolean archOk = w.arch().isEmpty() || w.arch().equals(h.arch());
    boolean variantOk = h.variant().isEmpty() || w.variant().equals(h.variant());
    if (!w.os().equals(h.os()) || !archOk || !variantOk) {
      throw new NotFoundException("image with reference " + ref + " was found but does not match the specified "
          + "platform: wanted " + want.format() + ", actual: " + have.format());
    }
  }
}
