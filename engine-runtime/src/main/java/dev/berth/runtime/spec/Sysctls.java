package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code --sysctl}s a container may set, and the error for the others. dockerd hands sysctls to the OCI
 * runtime unchecked and runc's validator rejects the bad ones at start; Berth applies the same rules (and
 * messages) before the runtime runs, as an {@link InvalidParameterException}.
 */
public final class Sysctls {
  private static final Set<String> IPC = Set.of(
      "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax",
      "kernel.shmmni", "kernel.shm_rmid_forced");

  private Sysctls() {}

  /** Throws for the first sysctl that is not namespaced by a namespace the container owns. */
  public static void validate(
      Map<String, String> sysctls, NamespaceMode network, NamespaceMode ipc, NamespaceMode uts) {
    for (String raw : sysctls.keySet()) {
      String s = dotted(raw);
      if (IPC.contains(s) || s.startsWith("fs.mqueue.")) {
        if (ipc.isHost()) {
          throw invalid("sysctl " + quote(s) + " is not allowed in the hosts ipc namespace");
        }
        continue;
      }
      if (s.startsWith("net.")) {
        if (network.isHost()) {
          throw invalid("sysctl " + quote(s) + " not allowed in host network namespace");
        }
        continue;
      }
      if (uts.isSeparate()) {
        if (s.equals("kernel.domainname")) {
          continue;
        }
        if (s.equals("kernel.hostname")) {
          throw invalid("sysctl " + quote(s) + " is not allowed as it conflicts with the OCI \"hostname\" field");
        }
      }
      throw invalid("sysctl " + quote(s) + " is not in a separate kernel namespace");
    }
  }

  /** sysctl(8) also accepts {@code /} separators: {@code net/ipv4/conf/eth0.100/rp_filter}. */
  static String dotted(String name) {
    int first = indexOfAny(name);
    if (first < 0 || name.charAt(first) == '.') {
      return name;
    }
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      b.append(c == '.' ? '/' : c == '/' ? '.' : c);
    }
    return b.toString();
  }

  private static int indexOfAny(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '.' || s.charAt(i) == '/') {
        return i;
      }
    }
    return -1;
  }

  /** Go's {@code %q} for the printable ASCII names sysctls have. */
  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static InvalidParameterException invalid(String message) {
    return new InvalidParameterException(message);
  }
}
