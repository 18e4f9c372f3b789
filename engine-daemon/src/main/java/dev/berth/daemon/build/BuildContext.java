package dev.berth.daemon.build;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.daemon.build.dockerfile.DockerIgnore;
import dev.berth.daemon.build.dockerfile.GoPath;
import dev.berth.storage.linux.FsOps;
import dev.berth.storage.tar.Compression;
import dev.berth.storage.tar.ScopedPaths;
import dev.berth.storage.tar.TarApplier;
import dev.berth.storage.tar.WhiteoutMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The build context (moby {@code remotecontext}): the request body's tar (plain, gzip, bzip2) unpacked into a
 * private directory under the data root with the layer unpacker's path-safety rules, so no entry escapes it.
 * Paths inside are looked up as if the context were {@code /}. Deleted on {@link #close}.
 */
final class BuildContext implements AutoCloseable {
  private final Path root;
  private final ScopedPaths scoped;

  private BuildContext(Path root) {
    this.root = root;
    this.scoped = new ScopedPaths(root);
  }

  static BuildContext extract(InputStream body, Path tmpRoot, FsOps fs) throws IOException {
    Files.createDirectories(tmpRoot);
    Path dir = tmpRoot.resolve("context-" + UUID.randomUUID().toString().replace("-", ""));
    Files.createDirectory(dir);
    BuildContext ctx = new BuildContext(dir);
    try {
      new TarApplier(fs, WhiteoutMode.DELETE, true).apply(new TarTrailer(Compression.decompress(body)), dir);
      return ctx;
    } catch (IOException | RuntimeException e) {
      ctx.close();
      throw e;
    }
  }

  Path root() {
    return root;
  }

  /** The host path of {@code path} (relative to the context), symlinks resolved inside the context. */
  Path resolve(String path) throws IOException {
    return scoped.resolveFollowing(components(path), path);
  }

  /** Reads the Dockerfile; {@code Dockerfile} falls back to {@code dockerfile} as in dockerd. */
  String dockerfile(String name) throws IOException {
    String n = name == null || name.isEmpty() ? "Dockerfile" : name;
    Path p = resolve(n);
    if (!Files.isRegularFile(p) && n.equals("Dockerfile")) {
      p = resolve("dockerfile");
    }
    if (!Files.isRegularFile(p)) {
      throw new InvalidParameterException("Cannot locate specified Dockerfile: " + n);
    }
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** dockerd's {@code removeDockerfile}: drops .dockerignore and the Dockerfile when .dockerignore lists them. */
  void applyIgnoreFile(String dockerfilePath) throws IOException {
    Path ignore = root.resolve(".dockerignore");
    if (!Files.isRegularFile(ignore, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    DockerIgnore rules = DockerIgnore.parse(Files.readString(ignore, StandardCharsets.UTF_8));
    for (String f : rules.removedByDaemon(dockerfilePath)) {
      Files.deleteIfExists(resolve(f));
    }
  }

  static List<String> components(String path) {
    String clean = GoPath.clean("/" + path);
    return clean.equals("/") ? List.of() : Arrays.asList(clean.substring(1).split("/"));
  }

  @Override
  public void close() throws IOException {
    deleteTree(root);
  }

  /** Deletes a directory tree without following symlinks; missing is fine, failures are ignored. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // leftovers are removed at the next start
    }
  }
}
