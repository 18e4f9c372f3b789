package dev.berth.runtime.spec;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link DeviceLookup} over the real filesystem, using the JDK's {@code unix:} file attributes (no JNR). */
public final class HostDeviceLookup implements DeviceLookup {
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;
  /** Directories containerd's {@code HostDevices} skips. */
  private static final Set<String> SKIP_DIRS = Set.of("pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev");

  @Override
  public Optional<LinuxDevice> device(String path) {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(Path.of(path), "unix:mode,rdev,uid,gid", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return Optional.empty();
    }
    int mode = (Integer) a.get("mode");
    String type = switch (mode & S_IFMT) {
      case S_IFCHR -> "c";
      case S_IFBLK -> "b";
      case S_IFIFO -> "p";
      default -> null;
    };
    if (type == null) {
      return Optional.empty();
    }
    long rdev = (Long) a.get("rdev");
    return Optional.of(new LinuxDevice(path, type, major(rdev), minor(rdev), mode & 07777,
        (Integer) a.get("uid"), (Integer) a.get("gid")));
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public boolean isDirectory(String path) {
    return Files.isDirectory(Path.of(path));
  }

  @Override
  public List<LinuxDevice> devicesUnder(String dir) {
    List<LinuxDevice> out = new ArrayList<>();
    walk(Path.of(dir), out, false);
    return out;
  }

  @Override
  public List<LinuxDevice> hostDevices() {
    List<LinuxDevice> out = new ArrayList<>();
    walk(Path.of("/dev"), out, true);
    return out;
  }

  @Override
  public String resolve(String path) {
    try {
      return Path.of(path).toRealPath().toString();
    } catch (IOException e) {
      return path;
    }
  }

  private void walk(Path dir, List<LinuxDevice> out, boolean hostFilter) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          if (!hostFilter || !SKIP_DIRS.contains(name)) {
            walk(p, out, hostFilter);
          }
          continue;
        }
        if (hostFilter && name.equals("console")) {
          continue;
        }
        device(p.toString()).filter(d -> !hostFilter || !d.type().equals("p")).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw new SystemException("cannot list devices in " + dir, e);
    }
  }

  /** glibc's {@code gnu_dev_major}. */
  static long major(long dev) {
    return ((dev & 0xfff00L) >>> 8) | ((dev & 0xfffff00000000000L) >>> 32);
  }

  /** glibc's {@code gnu_dev_minor}. */
  static long minor(long dev) {
    return (dev & 0xffL) | ((dev & 0x00000ffffff00000L) >>> 12);
  }
}
