package dev.berth.runtime.mount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * fstab-style options split into mount(2) flags and filesystem data, e.g. {@code ["ro", "nosuid",
 * "lowerdir=/a"]} → flags {@code MS_RDONLY|MS_NOSUID}, data {@code "lowerdir=/a"}. Propagation options
 * ({@code private}, {@code rshared}, …) need a mount call of their own, so they are kept apart.
 *
 * @param flags flags for the first mount(2) call
 * @param propagation propagation flags for a second call, or 0
 * @param data the remaining options joined by commas, or {@code null} when there are none
 */
public record MountOptions(long flags, long propagation, String data) {
  public static final long MS_RDONLY = 1;
  public static final long MS_NOSUID = 2;
  public static final long MS_NODEV = 4;
  public static final long MS_NOEXEC = 8;
  public static final long MS_SYNCHRONOUS = 16;
  public static final long MS_REMOUNT = 32;
  public static final long MS_MANDLOCK = 64;
  public static final long MS_DIRSYNC = 128;
  public static final long MS_NOATIME = 1024;
  public static final long MS_NODIRATIME = 2048;
  public static final long MS_BIND = 4096;
  public static final long MS_REC = 16384;
  public static final long MS_SILENT = 32768;
  public static final long MS_UNBINDABLE = 1L << 17;
  public static final long MS_PRIVATE = 1L << 18;
  public static final long MS_SLAVE = 1L << 19;
  public static final long MS_SHARED = 1L << 20;
  public static final long MS_RELATIME = 1L << 21;
  public static final long MS_STRICTATIME = 1L << 24;
  public static final long MS_LAZYTIME = 1L << 25;

  /** option → {set, clear}. */
  private static final Map<String, long[]> FLAGS = Map.ofEntries(
      Map.entry("defaults", new long[] {0, 0}),
      Map.entry("ro", new long[] {MS_RDONLY, 0}),
      Map.entry("rw", new long[] {0, MS_RDONLY}),
      Map.entry("nosuid", new long[] {MS_NOSUID, 0}),
      Map.entry("suid", new long[] {0, MS_NOSUID}),
      Map.entry("nodev", new long[] {MS_NODEV, 0}),
      Map.entry("dev", new long[] {0, MS_NODEV}),
      Map.entry("noexec", new long[] {MS_NOEXEC, 0}),
      Map.entry("exec", new long[] {0, MS_NOEXEC}),
      Map.entry("sync", new long[] {MS_SYNCHRONOUS, 0}),
      Map.entry("async", new long[] {0, MS_SYNCHRONOUS}),
      Map.entry("remount", new long[] {MS_REMOUNT, 0}),
      Map.entry("mand", new long[] {MS_MANDLOCK, 0}),
      Map.entry("nomand", new long[] {0, MS_MANDLOCK}),
      Map.entry("dirsync", new long[] {MS_DIRSYNC, 0}),
      Map.entry("noatime", new long[] {MS_NOATIME, 0}),
      Map.entry("atime", new long[] {0, MS_NOATIME}),
      Map.entry("nodiratime", new long[] {MS_NODIRATIME, 0}),
      Map.entry("diratime", new long[] {0, MS_NODIRATIME}),
      Map.entry("bind", new long[] {MS_BIND, 0}),
      Map.entry("rbind", new long[] {MS_BIND | MS_REC, 0}),
      Map.entry("relatime", new long[] {MS_RELATIME, 0}),
      Map.entry("norelatime", new long[] {0, MS_RELATIME}),
      Map.entry("strictatime", new long[] {MS_STRICTATIME, 0}),
      Map.entry("nostrictatime", new long[] {0, MS_STRICTATIME}),
      Map.entry("lazytime", new long[] {MS_LAZYTIME, 0}),
      Map.entry("nolazytime", new long[] {0, MS_LAZYTIME}),
      Map.entry("silent", new long[] {MS_SILENT, 0}),
      Map.entry("loud", new long[] {0, MS_SILENT}));

  private static final Map<String, Long> PROPAGATION = Map.of(
      "private", MS_PRIVATE, "rprivate", MS_PRIVATE | MS_REC,
      "shared", MS_SHARED, "rshared", MS_SHARED | MS_REC,
      "slave", MS_SLAVE, "rslave", MS_SLAVE | MS_REC,
      "unbindable", MS_UNBINDABLE, "runbindable", MS_UNBINDABLE | MS_REC);

  /** Parses options; unknown ones (including {@code key=value}) go to {@code data}, in their original order. */
  public static MountOptions parse(List<String> options) {
    long flags = 0;
    long propagation = 0;
    List<String> data = new ArrayList<>();
    for (String option : options) {
      long[] setClear = FLAGS.get(option);
      Long prop = PROPAGATION.get(option);
      if (setClear != null) {
        flags = (flags | setClear[0]) & ~setClear[1];
      } else if (prop != null) {
        propagation |= prop;
      } else if (!option.isEmpty()) {
        data.add(option);
      }
    }
    return new MountOptions(flags, propagation, data.isEmpty() ? null : String.join(",", data));
  }

  /** Parses a comma-separated option string such as {@code "ro,nosuid,rbind,lowerdir=/a:/b"}. */
  public static MountOptions parse(String options) {
    return parse(options.isEmpty() ? List.of() : List.of(options.split(",")));
  }

  public boolean isBind() {
    return (flags & MS_BIND) != 0;
  }

  /** A read-only bind mount needs a second {@code MS_REMOUNT|MS_BIND|MS_RDONLY} call: the kernel ignores ro on bind. */
  public boolean needsReadOnlyRemount() {
    return isBind() && (flags & MS_RDONLY) != 0;
  }
}
