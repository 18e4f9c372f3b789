package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * moby {@code MergeTmpfsOptions}: later options win. Flags that set or clear the same mount flag collide
 * ({@code exec} after {@code noexec} wins), all propagation modes collide with each other, and {@code key=value}
 * data options collide by key. Only tmpfs's data keys are accepted.
 */
public final class TmpfsOptions {
  /** Each flag option mapped to the flag it controls (propagation modes share one key). */
  private static final Map<String, String> FLAGS = Map.ofEntries(
      Map.entry("ro", "rdonly"), Map.entry("rw", "rdonly"), Map.entry("suid", "nosuid"),
      Map.entry("nosuid", "nosuid"), Map.entry("dev", "nodev"), Map.entry("nodev", "nodev"),
      Map.entry("exec", "noexec"), Map.entry("noexec", "noexec"), Map.entry("sync", "sync"),
      Map.entry("async", "sync"), Map.entry("dirsync", "dirsync"), Map.entry("remount", "remount"),
      Map.entry("mand", "mand"), Map.entry("nomand", "mand"), Map.entry("atime", "noatime"),
      Map.entry("noatime", "noatime"), Map.entry("diratime", "nodiratime"), Map.entry("nodiratime", "nodiratime"),
      Map.entry("relatime", "relatime"), Map.entry("norelatime", "relatime"),
      Map.entry("strictatime", "strictatime"), Map.entry("nostrictatime", "strictatime"),
      Map.entry("bind", "propagation"), Map.entry("rbind", "propagation"), Map.entry("unbindable", "propagation"),
      Map.entry("runbindable", "propagation"), Map.entry("private", "propagation"),
      Map.entry("rprivate", "propagation"), Map.entry("shared", "propagation"), Map.entry("rshared", "propagation"),
      Map.entry("slave", "propagation"), Map.entry("rslave", "propagation"));
  private static final Set<String> DATA_KEYS = Set.of("", "size", "mode", "uid", "gid", "nr_inodes", "nr_blocks",
      "mpol");

  private TmpfsOptions() {}

  public static List<String> merge(List<String> options) {
    Set<String> seenFlags = new HashSet<>();
    Set<String> seenData = new HashSet<>();
    Deque<String> out = new ArrayDeque<>();
    for (int i = options.size() - 1; i >= 0; i--) {
      String o = options.get(i);
      if (o.equals("defaults")) {
        continue;
      }
      String flag = FLAGS.get(o);
      if (flag != null) {
        if (seenFlags.add(flag)) {
          out.addFirst(o);
        }
        continue;
      }
      int eq = o.indexOf('=');
      String key = eq < 0 ? null : o.substring(0, eq);
      if (key == null || !DATA_KEYS.contains(key)) {
        throw new InvalidParameterException("invalid tmpfs option " + Sysctls.quote(eq < 0 ? o : key));
      }
      if (seenData.add(key)) {
        out.addFirst(o);
      }
    }
    return List.copyOf(out);
  }
}
