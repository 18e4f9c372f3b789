package dev.berth.runtime.spec;

import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel {@code major.minor} version; suffixes like {@code -fc-v669} or {@code -rc5} are ignored. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  public static KernelVersion parse(String release) {
    Matcher m = VERSION.matcher(release.strip());
    if (!m.find()) {
      throw new IllegalArgumentException("invalid kernel version: " + release);
    }
    return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The running kernel, from {@code /proc/sys/kernel/osrelease}. */
  public static KernelVersion current() {
    try {
      return parse(KernelFiles.read(Path.of("/proc/sys/kernel/osrelease")));
    } catch (IOException e) {
      return parse(System.getProperty("os.version", "0.0"));
    }
  }

  public boolean atLeast(KernelVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(KernelVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
