package dev.berth.daemon.build;

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

  /** The host path holding {@code path} (absolute in the image), if it exists in the image. */
  Optional<Path> find(String path) {
    List<String> comps = BuildContext.components(path);
    for (Path d : dirs) {
      Path p = d;
      for (String c : comps) {
        p = p.resolve(c);
      }
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
        return whiteout(p) ? Optional.empty() : Optional.of(p);
      }
    }
    return Optional.empty();
  }

  boolean isDirectory(String path) {
    return find(path).map(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).orElse(false);
  }

  /** Names inside directory {@code path}, merged over the layers. */
  List<String> list(String path) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    TreeSet<String> hidden = new TreeSet<>();
    List<String> comps = BuildContext.components(path);
    for (Path d : dirs) {
      Path p = d;
      for (String c : comps) {
        p = p.resolve(c);
      }
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
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
