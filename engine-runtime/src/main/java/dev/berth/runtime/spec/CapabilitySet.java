package dev.berth.runtime.spec;

import dev.berth.api.errors.SystemException;
import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of Linux capabilities as the kernel reports it: a bitmask where bit {@code n} is capability number
 * {@code n}. The daemon reads its own bounding set ({@code CapBnd} in {@code /proc/self/status}) once; privileged
 * containers get exactly that set, because runc refuses capabilities its caller lacks (on our hosts root has no
 * {@code CAP_SYS_RESOURCE}).
 */
public record CapabilitySet(long mask) {

  /** Every capability this code knows, i.e. the bounding set of a fully privileged root. */
  public static CapabilitySet allKnown() {
    return new CapabilitySet((1L << Capabilities.KNOWN.size()) - 1);
  }

  /** Parses a hex mask as printed in {@code /proc/<pid>/status}, e.g. {@code 000001fffeffffff}. */
  public static CapabilitySet fromHex(String hex) {
    return new CapabilitySet(Long.parseUnsignedLong(hex.strip(), 16));
  }

  /** Builds a set from capability names ({@code CAP_} prefix required, as in the spec). Unknown names are ignored. */
  public static CapabilitySet of(List<String> names) {
    long m = 0;
    for (String n : names) {
      int i = Capabilities.KNOWN.indexOf(n);
      if (i >= 0) {
        m |= 1L << i;
      }
    }
    return new CapabilitySet(m);
  }

  /**
   * Extracts one capability line ({@code CapBnd}, {@code CapEff}, {@code CapPrm} …) from the text of a
   * {@code /proc/<pid>/status} file.
   */
  public static CapabilitySet parseStatus(String statusText, String field) {
    for (String line : statusText.split("\n")) {
      if (line.startsWith(field + ":")) {
        return fromHex(line.substring(field.length() + 1));
      }
    }
    throw new IllegalArgumentException("no " + field + " line in process status");
  }

  /** The calling process's bounding set, from {@code /proc/self/status}. */
  public static CapabilitySet boundingSetOfSelf() {
    return read(Path.of("/proc/self/status"), "CapBnd");
  }

  static CapabilitySet read(Path status, String field) {
    try {
      return parseStatus(KernelFiles.read(status), field);
    } catch (IOException | IllegalArgumentException e) {
      throw new SystemException("cannot read capabilities from " + status, e);
    }
  }

  public boolean contains(String capName) {
    int i = Capabilities.KNOWN.indexOf(capName);
    return i >= 0 && (mask & (1L << i)) != 0;
  }

  /** The known capability names in this set, in kernel number order. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Capabilities.KNOWN.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        out.add(Capabilities.KNOWN.get(i));
      }
    }
    return out;
  }
}
