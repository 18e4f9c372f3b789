package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code .dockerignore} rules (moby {@code ignorefile.ReadAll} + {@code patternmatcher}). Paths are relative to the
 * context root with '/' separators ({@code "src/main.c"}). Later patterns win; {@code !pattern} re-includes; a
 * pattern matching a parent directory matches everything below it.
 *
 * <p>The docker CLI applies these rules when it packs the context but always sends the Dockerfile and
 * {@code .dockerignore} themselves ({@link #keepBuildFiles}); the daemon then removes those two from the context
 * when they are ignored ({@link #removedByDaemon}), so {@code COPY . .} does not copy them.
 */
public final class DockerIgnore {
  private final List<IgnorePattern> patterns;
  private final List<String> source;

  private DockerIgnore(List<String> source) {
    this.source = List.copyOf(source);
    List<IgnorePattern> out = new ArrayList<>();
    for (String raw : source) {
      String p = raw.strip();
      if (p.isEmpty()) {
        continue;
      }
      p = GoPath.clean(p);
      boolean exclusion = p.startsWith("!");
      if (exclusion) {
        if (p.length() == 1) {
          throw new DockerfileException("illegal exclusion pattern: \"!\"");
        }
        p = p.substring(1);
      }
      out.add(new IgnorePattern(p, exclusion));
    }
    this.patterns = List.copyOf(out);
  }

  /** Reads a {@code .dockerignore} file's content. */
  public static DockerIgnore parse(String content) {
    return of(readPatterns(content));
  }

  /** A matcher over already-read patterns (as {@link #readPatterns} returns them). */
  public static DockerIgnore of(List<String> patterns) {
    return new DockerIgnore(patterns);
  }

  /**
   * The file's patterns: comments ('#' in column 0) and blank lines dropped, spaces trimmed, each cleaned like
   * Go's {@code filepath.Clean} and made relative ({@code /foo} and {@code ./foo} become {@code foo}).
   */
  public static List<String> readPatterns(String content) {
    List<String> out = new ArrayList<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("#")) {
        continue;
      }
      String p = line.strip();
      if (p.isEmpty()) {
        continue;
      }
      boolean invert = p.charAt(0) == '!';
      if (invert) {
        p = p.substring(1).strip();
      }
      if (!p.isEmpty()) {
        p = GoPath.clean(p);
        if (p.length() > 1 && p.charAt(0) == '/') {
          p = p.substring(1);
        }
      }
      out.add(invert ? "!" + p : p);
    }
    return List.copyOf(out);
  }

  /** The patterns this matcher was built from. */
  public List<String> patterns() {
    return source;
  }

  /** Whether {@code path} is excluded from the context (moby {@code MatchesOrParentMatches}). */
  public boolean matches(String path) {
    String file = GoPath.clean(path);
    String parent = GoPath.dir(file);
    String[] parentDirs = parent.split("/", -1);
    boolean matched = false;
    for (IgnorePattern p : patterns) {
      if (p.exclusion() != matched) {
        continue;
      }
      boolean match = p.matches(file);
      if (!match && !parent.equals(".")) {
        for (int i = 0; i < parentDirs.length && !match; i++) {
          match = p.matches(String.join("/", java.util.Arrays.copyOfRange(parentDirs, 0, i + 1)));
        }
      }
      if (match) {
        matched = !p.exclusion();
      }
    }
    return matched;
  }

  public boolean hasExclusions() {
    return patterns.stream().anyMatch(IgnorePattern::exclusion);
  }

  /**
   * For an excluded directory, whether a walker must still descend because a {@code !pattern} may re-include
   * something below it (moby archive's SkipDir rule).
   */
  public boolean mustDescendInto(String dir) {
    String dirSlash = GoPath.clean(dir) + "/";
    return patterns.stream().anyMatch(p -> p.exclusion() && (p.cleaned() + "/").startsWith(dirSlash));
  }

  /** The CLI's {@code TrimBuildFilesFromExcludes}: re-include .dockerignore and the Dockerfile when excluded. */
  public static List<String> keepBuildFiles(List<String> excludes, String dockerfile, boolean dockerfileFromStdin) {
    List<String> out = new ArrayList<>(excludes);
    if (of(out).matches(".dockerignore")) {
      out.add("!.dockerignore");
    }
    if (!dockerfileFromStdin && of(out).matches(dockerfile)) {
      out.add("!" + dockerfile);
    }
    return List.copyOf(out);
  }

  /** The daemon's {@code removeDockerfile}: which of .dockerignore and the Dockerfile to delete from the context. */
  public List<String> removedByDaemon(String dockerfilePath) {
    List<String> out = new ArrayList<>();
    for (String f : List.of(".dockerignore", dockerfilePath)) {
      if (matches(f) && !out.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }
}
