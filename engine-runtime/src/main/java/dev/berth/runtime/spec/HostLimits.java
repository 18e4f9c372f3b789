package dev.berth.runtime.spec;

import dev.berth.api.errors.SystemException;
import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's own resource limits, read from {@code /proc/self/limits}. Without {@code CAP_SYS_RESOURCE} no
 * child (runc, the container) can get a hard limit above these, so ulimits are checked against them.
 */
public record HostLimits(Map<String, Limit> limits) {

  /** One limit; {@code -1} is unlimited. */
  public record Limit(long soft, long hard) {}

  /** No known limits: every request passes the host check. */
  public static final HostLimits UNLIMITED = new HostLimits(Map.of());

  private static final Map<String, String> PROC_NAMES = Map.ofEntries(
      Map.entry("Max cpu time", "cpu"), Map.entry("Max file size", "fsize"), Map.entry("Max data size", "data"),
      Map.entry("Max stack size", "stack"), Map.entry("Max core file size", "core"),
      Map.entry("Max resident set", "rss"), Map.entry("Max processes", "nproc"),
      Map.entry("Max open files", "nofile"), Map.entry("Max locked memory", "memlock"),
      Map.entry("Max address space", "as"), Map.entry("Max file locks", "locks"),
      Map.entry("Max pending signals", "sigpending"), Map.entry("Max msgqueue size", "msgqueue"),
      Map.entry("Max nice priority", "nice"), Map.entry("Max realtime priority", "rtprio"),
      Map.entry("Max realtime timeout", "rttime"));

  public HostLimits {
    limits = Map.copyOf(limits);
  }

  public static HostLimits readSelf() {
    Path p = Path.of("/proc/self/limits");
    try {
      return parse(KernelFiles.read(p));
    } catch (IOException e) {
      throw new SystemException("cannot read " + p, e);
    }
  }

  /** Parses the text of a {@code /proc/<pid>/limits} file; names become Docker's ulimit names. */
  public static HostLimits parse(String text) {
    Map<String, Limit> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      for (Map.Entry<String, String> e : PROC_NAMES.entrySet()) {
        if (line.startsWith(e.getKey() + " ")) {
          String[] cols = line.substring(e.getKey().length()).trim().split("\\s+");
          out.put(e.getValue(), new Limit(value(cols[0]), value(cols[1])));
        }
      }
    }
    return new HostLimits(out);
  }

  public Optional<Limit> get(String ulimitName) {
    return Optional.ofNullable(limits.get(ulimitName));
  }

  private static long value(String s) {
    return s.equals("unlimited") ? -1 : Long.parseLong(s);
  }
}
