package dev.berth.daemon.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where COPY and ADD read from: the build context, or an earlier stage's (or another) image for {@code --from}. */
interface CopySource {
  /** The host path of {@code path} (relative to the source's root), if it exists. */
  Optional<Path> find(String path) throws IOException;

  /** Entry names inside directory {@code path}, sorted. */
  List<String> list(String path) throws IOException;

  /** Whether files keep their owners (image sources) instead of becoming 0:0 (the context). */
  boolean keepsOwners();

  static CopySource of(BuildContext ctx) {
    return new CopySource() {
      @Override
      public Optional<Path> find(String path) throws IOException {
        Path p = ctx.resolve(path);
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? Optional.of(p) : Optional.empty();
      }

      @Override
      public List<String> list(String path) throws IOException {
        Path p = ctx.resolve(path);
        if (!Files.isDirectory(p)) {
          return List.of();
        }
        try (Stream<Path> s = Files.list(p)) {
          return s.map(e -> e.getFileName().toString()).sorted().toList();
        }
      }

      @Override
      public boolean keepsOwners() {
        return false;
      }
    };
  }

  static CopySource of(ImageTree tree) {
    return new CopySource() {
      @Override
      public Optional<Path> find(String path) {
        return tree.lookup("/" + path);
      }

      @Override
      public List<String> list(String path) throws IOException {
        return tree.list("/" + path);
      }

      @Override
      public boolean keepsOwners() {
        return true;
      }
    };
  }
}
