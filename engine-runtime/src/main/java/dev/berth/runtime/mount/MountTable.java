package dev.berth.runtime.mount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mounts of {@code /proc/self/mountinfo} (proc(5)), enough to find which mount a path lives on and how that
 * mount propagates (moby {@code getSourceMount}).
 */
public final class MountTable {
  /** The procfs file this daemon's mount namespace is described by. */
  public static final Path SELF = Path.of("/proc/self/mountinfo");

  /**
   * One line of mountinfo.
   *
   * @param mountPoint where it is mounted (octal escapes such as {@code \040} decoded)
   * @param optional the optional fields ({@code shared:1 master:2}), space separated, possibly empty
   */
  public record Entry(String mountPoint, String optional) {
    public boolean isShared() {
      return hasTag("shared:");
    }

    /** A slave mount receives propagation from its master peer group ({@code master:N}). */
    public boolean isSlave() {
      return hasTag("master:");
    }

    private boolean hasTag(String prefix) {
      for (String f : optional.split(" ")) {
        if (f.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  private final List<Entry> entries;

  private MountTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads the daemon's current mounts (a fresh read each call: mounts change while the daemon runs). */
  public static MountTable ofSelf() {
    try (var in = Files.newInputStream(SELF)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SELF, e);
    }
  }

  /** Parses mountinfo text; malformed lines are skipped. */
  public static MountTable parse(String mountinfo) {
    List<Entry> out = new ArrayList<>();
    for (String line : mountinfo.split("\n")) {
      String[] f = line.strip().split(" ");
      int sep = List.of(f).indexOf("-");
      if (f.length < 7 || sep < 6) {
        continue;
      }
      out.add(new Entry(unescape(f[4]), String.join(" ", List.of(f).subList(6, sep))));
    }
    return new MountTable(out);
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * The mount {@code path} is on: the longest mount point that is a string prefix of it, the first such line when
   * several mounts share that mount point (moby's {@code ParentsFilter} and longest-match loop).
   */
  public Optional<Entry> sourceMountOf(String path) {
    Entry best = null;
    for (Entry e : entries) {
      if (path.startsWith(e.mountPoint()) && (best == null || e.mountPoint().length() > best.mountPoint().length())) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
