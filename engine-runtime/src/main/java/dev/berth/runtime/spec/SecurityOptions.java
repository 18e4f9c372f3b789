package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --security-opt} values as dockerd parses them ({@code parseSecurityOpt}).
 *
 * @param noNewPrivileges {@code no-new-privileges[=true]}
 * @param seccompProfile {@code seccomp=…}: null (default), {@code unconfined}, {@code builtin}, a JSON profile
 *     (what the CLI sends after reading the file) or a path to one
 * @param apparmorProfile {@code apparmor=…} (kept for inspect; Berth does not load AppArmor profiles)
 * @param labelOptions {@code label=…} values (SELinux; kept for inspect)
 * @param writableCgroups {@code writable-cgroups[=bool]}, null when not given
 */
public record SecurityOptions(
    boolean noNewPrivileges, String seccompProfile, String apparmorProfile, List<String> labelOptions,
    Boolean writableCgroups) {

  public static final SecurityOptions NONE = new SecurityOptions(false, null, null, List.of(), null);

  public SecurityOptions {
    labelOptions = List.copyOf(labelOptions);
  }

  /**
   * Parses the list with dockerd's messages.
   *
   * @param daemonNoNewPrivileges the daemon's {@code no-new-privileges} default
   */
  public static SecurityOptions parse(List<String> opts, boolean daemonNoNewPrivileges) {
    boolean nnp = daemonNoNewPrivileges;
    String seccomp = null;
    String apparmor = null;
    Boolean writableCgroups = null;
    List<String> labels = new ArrayList<>();
    for (String opt : opts == null ? List.<String>of() : opts) {
      switch (opt) {
        case "no-new-privileges" -> { nnp = true; continue; }
        case "writable-cgroups" -> { writableCgroups = true; continue; }
        case "disable" -> { labels.add("disable"); continue; }
        default -> { }
      }
      int sep = opt.indexOf('=');
      if (sep < 0) {
        sep = opt.indexOf(':'); // deprecated separator, still accepted by dockerd
      }
      if (sep < 0) {
        throw invalid("invalid --security-opt 1: " + Sysctls.quote(opt));
      }
      String k = opt.substring(0, sep);
      String v = opt.substring(sep + 1);
      switch (k) {
        case "label" -> labels.add(v);
        case "apparmor" -> apparmor = v;
        case "seccomp" -> seccomp = v;
        case "no-new-privileges" -> nnp = bool(v, opt);
        case "writable-cgroups" -> writableCgroups = bool(v, opt);
        default -> throw invalid("invalid --security-opt 2: " + Sysctls.quote(opt));
      }
    }
    return new SecurityOptions(nnp, seccomp, apparmor, labels, writableCgroups);
  }

  /** Go's {@code strconv.ParseBool}. */
  private static boolean bool(String v, String opt) {
    return switch (v) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw invalid("invalid --security-opt 2: " + Sysctls.quote(opt));
    };
  }

  private static InvalidParameterException invalid(String message) {
    return new InvalidParameterException(message);
  }
}
