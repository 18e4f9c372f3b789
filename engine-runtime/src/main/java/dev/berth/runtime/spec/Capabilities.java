package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** dockerd's capability rules ({@code oci/caps}): the default set, name normalisation, add/drop and privileged. */
public final class Capabilities {
  /** Capability names indexed by kernel number (include/uapi/linux/capability.h, up to 40). */
  public static final List<String> KNOWN = List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
      "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
      "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
      "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
      "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
      "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
      "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
      "CAP_CHECKPOINT_RESTORE");

  /** The 14 capabilities a container gets by default, in dockerd's order. */
  public static final List<String> DEFAULTS = List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
      "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
      "CAP_AUDIT_WRITE");

  private static final String ALL = "ALL";

  private Capabilities() {}

  /**
   * dockerd's {@code validateCapabilities} at create: every name (any case, with or without {@code CAP_}, or
   * {@code ALL}) must be a known capability; {@code field} ({@code CapAdd}, {@code CapDrop}) prefixes the error.
   */
  public static void checkKnown(List<String> caps, String field) {
    for (String raw : caps == null ? List.<String>of() : caps) {
      String c = raw.toUpperCase(Locale.ROOT);
      if (!c.equals(ALL) && !KNOWN.contains(c.startsWith("CAP_") ? c : "CAP_" + c)) {
        throw new InvalidParameterException("invalid " + field + ": unknown capability: \""
            + (c.startsWith("CAP_") ? c : "CAP_" + c) + "\"");
      }
    }
  }

  /**
   * Upper-cases names, adds the {@code CAP_} prefix and checks each against the known list and the
   * {@code available} set; {@code ALL} passes through.
   */
  public static List<String> normalize(List<String> caps, CapabilitySet available) {
    List<String> out = new ArrayList<>();
    for (String raw : caps) {
      String c = raw.toUpperCase(Locale.ROOT);
      if (c.equals(ALL)) {
        out.add(c);
        continue;
      }
      if (!c.startsWith("CAP_")) {
        c = "CAP_" + c;
      }
      if (!KNOWN.contains(c)) {
        throw new InvalidParameterException("unknown capability: \"" + c + "\"");
      }
      if (!available.contains(c)) {
        throw new InvalidParameterException(
            "capability not supported by your kernel or not available in the current environment: \"" + c + "\"");
      }
      out.add(c);
    }
    return out;
  }

  /**
   * dockerd's {@code TweakCapabilities}: privileged gets every available capability; otherwise drop then add,
   * where {@code --cap-add ALL} means all available minus the drops and {@code --cap-drop ALL} keeps only the adds.
   */
  public static List<String> tweak(
      List<String> basics, List<String> adds, List<String> drops, boolean privileged, CapabilitySet available) {
    if (privileged) {
      return available.names();
    }
    if (adds.isEmpty() && drops.isEmpty()) {
      return List.copyOf(basics);
    }
    List<String> capDrop = normalize(drops, available);
    List<String> capAdd = normalize(adds, available);
    List<String> caps = new ArrayList<>();
    if (capAdd.contains(ALL)) {
      for (String c : available.names()) {
        if (!capDrop.contains(c)) {
          caps.add(c);
        }
      }
    } else if (capDrop.contains(ALL)) {
      caps.addAll(capAdd);
    } else {
      for (String c : basics) {
        if (!capDrop.contains(c)) {
          caps.add(c);
        }
      }
      for (String c : capAdd) {
        if (!caps.contains(c)) {
          caps.add(c);
        }
      }
    }
    return List.copyOf(caps);
  }
}
