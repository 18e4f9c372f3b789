package dev.berth.daemon.archive;

import dev.berth.api.model.container.FilesystemChange;
import dev.berth.storage.linux.FsOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code docker diff} from an overlay upper directory (moby {@code archive.OverlayChanges}): a 0/0 character
 * device is a deleted path; anything else is added, or modified when a lower layer has it (a directory whose size,
 * mode and mtime match the lower one is not reported); the parent of an added or deleted path is reported as
 * modified once.
 */
final class ChangesScanner {
  private static final String OPAQUE = "trusted.overlay.opaque";
  private static final Set<String> INIT_PATHS = Set.of("/dev", "/dev/pts", "/dev/shm", "/dev/console", "/proc",
      "/sys", "/.dockerenv", "/etc/resolv.conf", "/etc/hosts", "/etc/hostname", "/etc/mtab");

  private final FsOps fs;

  ChangesScanner(FsOps fs) {
    this.fs = fs;
  }

  /** @param lowers the lower layer directories, top first */
  List<FilesystemChange> scan(Path upper, List<Path> lowers) throws IOException {
    List<FilesystemChange> out = new ArrayList<>();
    if (!Files.isDirectory(upper)) {
      return out;
    }
    Set<String> changedDirs = new HashSet<>();
    List<Path> all;
    try (Stream<Path> walk = Files.walk(upper)) {
      all = walk.filter(p -> !p.equals(upper)).sorted().toList();
    }
    Set<Path> skipped = initLayer(upper, all);
    for (Path p : all) {
      if (skipped.contains(p)) {
        continue;
      }
      String path = "/" + upper.relativize(p);
      Map<String, Object> st = Files.readAttributes(p, "unix:mode,rdev,size,lastModifiedTime",
          LinkOption.NOFOLLOW_LINKS);
      int mode = (int) st.get("mode");
      boolean dir = (mode & FsOps.S_IFMT) == 0040000;
      int kind;
      if ((mode & FsOps.S_IFMT) == FsOps.S_IFCHR && (long) st.get("rdev") == 0) {
        kind = FilesystemChange.DELETED;
      } else {
        kind = FilesystemChange.ADDED;
        Path lower = firstLower(lowers, path);
        if (lower != null) {
          if (dir && Files.isDirectory(lower) && !isOpaque(p) && sameDir(st, lower)) {
            continue;
          }
          kind = FilesystemChange.MODIFIED;
        }
      }
      if (dir) {
        changedDirs.add(path);
      }
      if (kind != FilesystemChange.MODIFIED) {
        String parent = parentOf(path);
        if (!parent.equals("/") && changedDirs.add(parent)) {
          out.add(FilesystemChange.modified(parent));
        }
      }
      out.add(new FilesystemChange(kind, path));
    }
    return out;
  }

  /**
   * What dockerd keeps in a container's init layer and so never reports: the mount points the runtime creates
   * ({@code /etc/hosts}, {@code /proc} …), and directories holding nothing else.
   */
  private static Set<Path> initLayer(Path upper, List<Path> all) {
    Set<Path> skipped = new HashSet<>();
    Map<Path, Boolean> allSkipped = new java.util.HashMap<>();
    Set<Path> hasChildren = new HashSet<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      Path p = all.get(i);
      boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
      boolean init = INIT_PATHS.contains("/" + upper.relativize(p));
      boolean childrenSkipped = allSkipped.getOrDefault(p, true);
      boolean skip = dir ? childrenSkipped && (init || hasChildren.contains(p)) : init;
      if (skip) {
        skipped.add(p);
      }
      Path parent = p.getParent();
      hasChildren.add(parent);
      allSkipped.merge(parent, skip, Boolean::logicalAnd);
    }
    return skipped;
  }

  private static Path firstLower(List<Path> lowers, String path) {
    for (Path l : lowers) {
      Path p = l.resolve(path.substring(1));
      if (Files.exists(p)) {
        return p;
      }
    }
    return null;
  }

  private static boolean sameDir(Map<String, Object> st, Path lower) throws IOException {
    Map<String, Object> ls = Files.readAttributes(lower, "unix:mode,size,lastModifiedTime");
    FileTime a = (FileTime) st.get("lastModifiedTime");
    FileTime b = (FileTime) ls.get("lastModifiedTime");
    return st.get("mode").equals(ls.get("mode")) && st.get("size").equals(ls.get("size"))
        && a.toInstant().getEpochSecond() == b.toInstant().getEpochSecond()
        && a.toInstant().getNano() == b.toInstant().getNano();
  }

  private boolean isOpaque(Path dir) throws IOException {
    Optional<byte[]> v = fs.lgetxattr(dir, OPAQUE);
    return v.isPresent() && v.get().length == 1 && v.get()[0] == 'y';
  }

  private static String parentOf(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? "/" : path.substring(0, i);
  }
}
