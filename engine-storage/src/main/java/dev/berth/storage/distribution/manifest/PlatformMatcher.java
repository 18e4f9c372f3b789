package dev.berth.storage.distribution.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Chooses manifests from an index for a platform, like moby's {@code filterManifests} with containerd's
 * {@code platforms.Only}: the requested platform matches itself and the platforms it can run (amd64/v3 runs
 * v2, v1 and 386; arm64 runs arm/v8…v5; arm/v7 runs v6 and v5). Matches are ordered best first; entries with no
 * platform at all match too, and sort last.
 */
public final class PlatformMatcher {
  private final List<Platform> vector;

  private PlatformMatcher(List<Platform> vector) {
    this.vector = vector;
  }

  /** A matcher for {@code requested}, after filling in the host's os and architecture where they are missing. */
  public static PlatformMatcher only(Platform requested) {
    return new PlatformMatcher(vectorOf(withDefault(requested).normalize()).stream()
        .map(Platform::normalize).toList());
  }

  /** moby {@code withDefault}: os defaults to linux; a missing architecture means the host's (with variant). */
  static Platform withDefault(Platform p) {
    Platform host = HostPlatform.current();
    if (p == null) {
      return host;
    }
    String os = p.os() == null || p.os().isEmpty() ? host.os() : p.os();
    boolean noArch = p.architecture() == null || p.architecture().isEmpty();
    return new Platform(noArch ? host.architecture() : p.architecture(), os, p.osVersion(), p.osFeatures(),
        noArch ? host.variant() : p.variant(), p.features());
  }

  public boolean matches(Platform candidate) {
    return rank(candidate) < Integer.MAX_VALUE;
  }

  /** Position in the preference vector; {@link Integer#MAX_VALUE} when the platform does not match. */
  public int rank(Platform candidate) {
    Platform c = candidate.normalize();
    if (c.osFeatures() != null && !c.osFeatures().isEmpty()) {
      return Integer.MAX_VALUE;
    }
    for (int i = 0; i < vector.size(); i++) {
      Platform v = vector.get(i);
      if (v.os().equals(c.os()) && v.architecture().equals(c.architecture())
          && Objects.equals(v.variant(), c.variant())) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** The matching entries of an index, best first; entries without a platform are kept, last. */
  public List<Descriptor> filter(List<Descriptor> manifests) {
    List<Descriptor> out = new ArrayList<>();
    for (Descriptor d : manifests) {
      if (d.platform() == null || matches(d.platform())) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparingInt(d -> d.platform() == null ? Integer.MAX_VALUE : rank(d.platform())));
    return out;
  }

  /** containerd {@code platformVector}. */
  private static List<Platform> vectorOf(Platform p) {
    List<Platform> v = new ArrayList<>();
    String variant = p.variant() == null ? "" : p.variant();
    switch (p.architecture()) {
      case "amd64" -> {
        v.add(p);
        for (int level = level(variant) - 1; level >= 1; level--) {
          v.add(Platform.of(p.os(), "amd64", "v" + level));
        }
        v.add(Platform.of(p.os(), "386", null));
      }
      case "arm" -> {
        v.add(p);
        for (int level = level(variant) - 1; level >= 5; level--) {
          v.add(Platform.of(p.os(), "arm", "v" + level));
        }
      }
      case "arm64" -> {
        String arm64 = variant.isEmpty() ? "v8" : variant;
        int[] majors = arm64.startsWith("v9") ? new int[] {9, 8} : new int[] {8};
        int minor = arm64.contains(".") ? Integer.parseInt(arm64.substring(arm64.indexOf('.') + 1)) : 0;
        int[] minors = arm64.startsWith("v9") ? new int[] {minor, Math.min(minor + 5, 9)} : new int[] {minor};
        for (int i = 0; i < majors.length; i++) {
          for (int m = minors[i]; m >= 0; m--) {
            v.add(Platform.of(p.os(), "arm64", m == 0 ? "v" + majors[i] : "v" + majors[i] + "." + m));
          }
        }
        for (int level = 8; level >= 5; level--) {
          v.add(Platform.of(p.os(), "arm", "v" + level));
        }
      }
      default -> v.add(p);
    }
    return v;
  }

  private static int level(String variant) {
    try {
      return Integer.parseInt(variant.startsWith("v") ? variant.substring(1) : variant);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
