package dev.berth.daemon.build;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.daemon.build.dockerfile.GoPath;
import dev.berth.storage.tar.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * COPY and ADD (moby {@code copier}): sources matched in the context or an image (wildcards with
 * {@code filepath.Match} semantics per path component), the destination resolved against WORKDIR, dockerd's
 * dir-vs-file rules (a trailing slash, several sources or an existing directory make it a directory), a source
 * directory copies its contents, and ADD unpacks local tar archives (plain, gzip, bzip2). The result is a layer
 * tar written to {@code out}.
 */
final class CopyStep {
  private final String verb;
  private final CopySource source;
  private final ImageTree image;
  private final LayerTarBuilder.Owner owner;
  private final Integer chmod;
  private final boolean extract;
  private Path tmpDir;

  /** Where ADD downloads URLs (inside the data root); without it, URLs are refused. */
  CopyStep downloadsTo(Path dir) {
    this.tmpDir = dir;
    return this;
  }

  /** @param chmod the {@code --chmod} permission bits for the copied files and directories, or null */
  CopyStep(String verb, CopySource source, ImageTree image, String chown, Integer chmod, boolean extract)
      throws IOException {
    this.verb = verb;
    this.chmod = chmod;
    this.source = source;
    this.image = image;
    this.owner = chown == null || chown.isEmpty() ? (source.keepsOwners() ? null : LayerTarBuilder.Owner.ROOT)
        : Chown.parse(chown, image);
    this.extract = extract;
  }

  /** One matched source: its path in the source and on the host. */
  record Match(String path, Path host) {}

  /**
   * What a COPY/ADD copied, for the history line and the cache: {@code file:<sum>} for one file, {@code dir:<sum>}
   * for one directory, {@code multi:<sum>} for several sources (moby {@code getSourceHashFromInfos}).
   */
  record Copied(String hash) {}

  /**
   * {@code --chmod}: octal permission bits ({@code 755}, {@code 0644}), as BuildKit accepts them; the classic
   * builder of dockerd refuses the flag, Berth applies it so Dockerfiles written for BuildKit build unchanged.
   */
  static Integer parseChmod(String chmod) {
    if (chmod == null || chmod.isEmpty()) {
      return null;
    }
    try {
      int mode = Integer.parseInt(chmod, 8);
      if (mode >= 0 && mode <= 07777) {
        return mode;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new InvalidParameterException("invalid chmod parameter: " + chmod);
  }

  /** Writes the layer; returns what was copied. */
  Copied write(List<String> sources, String dest, String workdir, OutputStream out) throws IOException {
    List<Match> matches = new ArrayList<>();
    for (String s : sources) {
      if (RemoteFile.isUrl(s)) {
        if (!extract || tmpDir == null) {
          throw new InvalidParameterException("source can't be a URL for " + verb);
        }
        Path f = RemoteFile.download(s, tmpDir);
        matches.add(new Match(RemoteFile.name(s), f));
        continue;
      }
      List<Match> m = match(s);
      if (m.isEmpty() && !wildcard(s)) {
        throw new InvalidParameterException(verb + " failed: file not found in build context or excluded by "
            + ".dockerignore: stat " + s + ": file does not exist");
      }
      matches.addAll(m); // a pattern that matches nothing adds nothing (moby copyWithWildcards)
    }
    if (matches.isEmpty()) {
      throw new InvalidParameterException(verb + " failed: no source files were specified");
    }
    boolean slash = dest.endsWith("/") || dest.endsWith("/.") || dest.equals(".");
    String target = GoPath.clean(dest.startsWith("/") ? dest : "/" + workdir + "/" + dest);
    if (matches.size() > 1 && !slash) {
      throw new InvalidParameterException("When using " + verb + " with more than one source file, the "
          + "destination must be a directory and end with a /");
    }
    String resolved = image.resolve(target);
    boolean destIsDir = slash || image.isDirectory(resolved);
    target = destIsDir ? resolved : join(image.resolve(GoPath.dir(target)), baseName(target));
    LayerTarBuilder.Owner newDirs = owner == null ? LayerTarBuilder.Owner.ROOT : owner;
    try (LayerTarBuilder tar = new LayerTarBuilder(out, image)) {
      for (Match m : matches) {
        Path host = m.host();
        if (Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
          tar.parents(target + "/x", newDirs);
          copyDir(tar, m.path(), target, newDirs);
        } else if (extract && !host.startsWith(tmpDirOrNone()) && Files.isRegularFile(host, LinkOption.NOFOLLOW_LINKS)
            && isArchive(host)) {
          tar.parents(target + "/x", newDirs);
          unpack(tar, host, target, newDirs);
        } else {
          String to = destIsDir ? join(target, baseName(m.path())) : target;
          tar.parents(to, newDirs);
          tar.add(to, host, owner, chmod, true);
        }
      }
      String kind = matches.size() > 1 ? "multi:"
          : Files.isDirectory(matches.get(0).host(), LinkOption.NOFOLLOW_LINKS) ? "dir:" : "file:";
      return new Copied(kind + tar.checksum());
    }
  }

  private Path tmpDirOrNone() {
    return tmpDir == null ? Path.of("/nonexistent-download-dir") : tmpDir;
  }

  private void copyDir(LayerTarBuilder tar, String from, String to, LayerTarBuilder.Owner newDirs)
      throws IOException {
    for (String name : source.list(from)) {
      String child = from.isEmpty() ? name : from + "/" + name;
      Optional<Path> host = source.find(child);
      if (host.isEmpty()) {
        continue;
      }
      String dest = join(to, name);
      tar.add(dest, host.get(), owner, chmod, true);
      if (Files.isDirectory(host.get(), LinkOption.NOFOLLOW_LINKS)) {
        copyDir(tar, child, dest, newDirs);
      }
    }
  }

  private List<Match> match(String pattern) throws IOException {
    List<String> comps = BuildContext.components(pattern);
    List<Match> out = new ArrayList<>();
    if (comps.isEmpty()) {
      return source.find("").map(p -> List.of(new Match("", p))).orElse(List.of());
    }
    expand("", comps, 0, out);
    return out;
  }

  private void expand(String prefix, List<String> comps, int i, List<Match> out) throws IOException {
    String c = comps.get(i);
    List<String> names = wildcard(c) ? glob(prefix, c) : List.of(c);
    for (String n : names) {
      String path = prefix.isEmpty() ? n : prefix + "/" + n;
      Optional<Path> host = source.find(path);
      if (host.isEmpty()) {
        continue;
      }
      if (i == comps.size() - 1) {
        out.add(new Match(path, host.get()));
      } else {
        expand(path, comps, i + 1, out);
      }
    }
  }

  private List<String> glob(String dir, String pattern) throws IOException {
    var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("[^", "[!")
        .replace("{", "\\{").replace("}", "\\}"));
    return source.list(dir).stream().filter(n -> matcher.matches(Path.of(n))).toList();
  }

  private void unpack(LayerTarBuilder tar, Path archive, String target, LayerTarBuilder.Owner newDirs)
      throws IOException {
    try (InputStream raw = Files.newInputStream(archive);
        TarArchiveInputStream in = new TarArchiveInputStream(Compression.decompress(raw))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        String clean = GoPath.clean("/" + e.getName());
        if (clean.equals("/")) {
          continue;
        }
        String to = join(target, clean.substring(1));
        tar.parents(to, newDirs);
        String link = e.isLink() ? join(target, GoPath.clean("/" + e.getLinkName()).substring(1)).substring(1)
            : e.getLinkName();
        tar.addArchived(to, e, link, in);
      }
    }
  }

  /** Whether a file is a tar archive, possibly compressed (moby {@code IsArchivePath}). */
  static boolean isArchive(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      InputStream in = Compression.decompress(raw);
      byte[] head = in.readNBytes(512);
      return head.length == 512 && TarArchiveInputStream.matches(head, head.length);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean wildcard(String c) {
    return c.indexOf('*') >= 0 || c.indexOf('?') >= 0 || c.indexOf('[') >= 0;
  }

  private static String join(String dir, String name) {
    return dir.equals("/") ? "/" + name : dir + "/" + name;
  }

  private static String baseName(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? path : path.substring(i + 1);
  }
}
