package dev.berth.daemon.archive;

import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.PathStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** Builds {@link PathStat}s from {@code lstat} (Go's {@code os.FileMode} bits). */
final class PathStats {
  private static final int S_IFMT = 0170000;

  private PathStats() {}

  /** @param follow stat instead of lstat (the container root, maybe {@code /proc/<pid>/root}) */
  static PathStat lstat(Path p, String name, String linkTarget, boolean follow) throws IOException {
    Map<String, Object> st = follow ? Files.readAttributes(p, "unix:mode,size,lastModifiedTime")
        : Files.readAttributes(p, "unix:mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    int mode = (int) st.get("mode");
    FileTime mtime = (FileTime) st.get("lastModifiedTime");
    return new PathStat(name, (long) st.get("size"), goMode(mode), GoTime.rfc3339Nano(mtime.toInstant()),
        linkTarget == null ? "" : linkTarget);
  }

  /** Unix {@code st_mode} → Go {@code os.FileMode}. */
  static long goMode(int mode) {
    long m = mode & 0777;
    switch (mode & S_IFMT) {
      case 0040000 -> m |= PathStat.MODE_DIR;
      case 0120000 -> m |= PathStat.MODE_SYMLINK;
      case 0020000 -> m |= PathStat.MODE_DEVICE | PathStat.MODE_CHAR_DEVICE;
      case 0060000 -> m |= PathStat.MODE_DEVICE;
      case 0010000 -> m |= PathStat.MODE_NAMED_PIPE;
      case 0140000 -> m |= PathStat.MODE_SOCKET;
      default -> { }
    }
    if ((mode & 04000) != 0) {
      m |= PathStat.MODE_SETUID;
    }
    if ((mode & 02000) != 0) {
      m |= PathStat.MODE_SETGID;
    }
    if ((mode & 01000) != 0) {
      m |= PathStat.MODE_STICKY;
    }
    return m;
  }

  static boolean isDir(PathStat s) {
    return (s.mode() & PathStat.MODE_DIR) != 0;
  }
}
