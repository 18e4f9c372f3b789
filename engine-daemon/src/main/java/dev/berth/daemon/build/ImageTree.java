package dev.berth.daemon.build;

import dev.berth.daemon.build.dockerfile.GoPath;
import dev.berth.storage.image.Image;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.layer.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Read-only view of an image's filesystem through its unpacked layer directories (overlay {@code diff} dirs, top
 * first) without mounting anything: the builder asks whether a COPY destination is a directory, reads the
 * metadata of existing parent directories, and reads files for {@code COPY --from}. Whiteouts (0/0 char devices)
 * hide lower entries; opaque directories are not honoured (a lower entry may show through).
 */
final class ImageTree {
  private final List<Path> dirs;

  private ImageTree(List<Path> dirs) {
    this.dirs = dirs;
  }

  /** A tree over unpacked layer directories, top first (tests). */
  static ImageTree ofDirs(List<Path> dirsTopFirst) {
    return new ImageTree(List.copyOf(dirsTopFirst));
  }

  static ImageTree of(ImageService images, Image image) {
    if (image == null || image.topChainId().isEmpty()) {
      return new ImageTree(List.of());
    }
    List<Layer> chain = images.layerStore().chain(image.topChainId().get());
    List<String> below = chain.subList(0, chain.size() - 1).stream().map(Layer::cacheId).toList();
    Map<String, String> data = images.layerStore().snapshotter()
        .layerData(chain.get(chain.size() - 1).cacheId(), below);
    List<Path> dirs = new ArrayList<>();
    if (data.containsKey("UpperDir")) {
      dirs.add(Path.of(data.get("UpperDir")));
    }
    if (data.containsKey("LowerDir")) {
      for (String d : data.get("LowerDir").split(":")) {
        dirs.add(Path.of(d));
      }
    }
    return new ImageTree(dirs.stream().filter(Files::isDirectory).toList());
  }

  /**
   * The host path holding {@code path} (absolute in the image, its parents already free of symlinks: see
   * {@link #lookup}), if it exists. Never follows a symlink on the host: a symlink or file in place of a parent
   * directory hides the path, as it hides lower layers in overlayfs.
   */
  Optional<Path> find(String path) {
    List<String> comps = BuildContext.components(path);
    for (Path d : dirs) {
      Path p = d;
      boolean missing = false;
      for (int i = 0; i < comps.size() && !missing; i++) {
        p = p.resolve(comps.get(i));
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          missing = true;
        } else if (whiteout(p) || i < comps.size() - 1 && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          return Optional.empty();
        }
      }
      if (!missing) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** {@link #find} after resolving symlinks in the parents of {@code path} inside the image. */
  Optional<Path> lookup(String path) {
    String clean = GoPath.clean("/" + path);
    if (clean.equals("/")) {
      return find("/");
    }
    String parent = resolve(GoPath.dir(clean));
    String base = clean.substring(clean.lastIndexOf('/') + 1);
    return find(parent.equals("/") ? "/" + base : parent + "/" + base);
  }

  /**
   * {@code path} (absolute) with every symlink along it resolved inside the image, as a copy into the mounted
   * image would follow them ({@code /bin/x} becomes {@code /usr/bin/x} when {@code /bin -> usr/bin}).
   */
  String resolve(String path) {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(BuildContext.components(path));
    String cur = "/";
    int hops = 0;
    while (!todo.isEmpty()) {
      String c = todo.removeFirst();
      if (c.equals("..")) {
        cur = GoPath.dir(cur);
        continue;
      }
      String next = cur.equals("/") ? "/" + c : cur + "/" + c;
      Optional<Path> host = find(next);
      if (host.isPresent() && Files.isSymbolicLink(host.get()) && hops++ < 40) {
        try {
          String target = Files.readSymbolicLink(host.get()).toString();
          List<String> rest = new ArrayList<>(BuildContext.components(target));
          for (int i = rest.size() - 1; i >= 0; i--) {
            todo.addFirst(rest.get(i));
          }
          if (target.startsWith("/")) {
            cur = "/";
          }
          continue;
        } catch (IOException e) {
          // keep the link itself
        }
      }
      cur = next;
    }
    return cur;
  }

  boolean isDirectory(String path) {
    return find(path).map(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).orElse(false);
  }

  /** Names inside directory {@code path} (symlinks along it resolved in the image), merged over the layers. */
  List<String> list(String path) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    TreeSet<String> hidden = new TreeSet<>();
    List<String> comps = BuildContext.components(resolve(path));
    for (Path d : dirs) {
      Path p = d;
      boolean usable = true;
      for (String c : comps) {
        p = p.resolve(c);
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          usable = false;
          break;
        }
      }
      if (!usable) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          break; // a file, symlink or whiteout in this layer hides the lower ones
        }
        continue;
      }
      try (Stream<Path> s = Files.list(p)) {
        for (Path e : s.toList()) {
          String n = e.getFileName().toString();
          if (hidden.contains(n) || names.contains(n)) {
            continue;
          }
          if (whiteout(e)) {
            hidden.add(n);
          } else {
            names.add(n);
          }
        }
      }
    }
    return List.copyOf(names);
  }

  private static boolean whiteout(Path p) {
    try {
      PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isOther() && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return false;
    }
  }
}
