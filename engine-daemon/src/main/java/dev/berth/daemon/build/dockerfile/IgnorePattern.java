package dev.berth.daemon.build.dockerfile;

import java.util.regex.Pattern;

/**
 * One cleaned {@code .dockerignore} pattern compiled like moby's {@code patternmatcher.Pattern}: {@code *} and
 * {@code ?} never cross '/', {@code **} crosses any number of directories (also none), {@code [...]} is a character
 * class, a backslash escapes the next character; a pattern starting with {@code **} and otherwise literal is a
 * suffix match.
 */
final class IgnorePattern {
  private final String cleaned;
  private final boolean exclusion;
  private final Pattern regex;
  private final String suffix;

  IgnorePattern(String cleaned, boolean exclusion) {
    this.cleaned = cleaned;
    this.exclusion = exclusion;
    validate(cleaned);
    StringBuilder re = new StringBuilder("^");
    int[] cps = cleaned.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int ch = cps[i];
      if (ch == '*' && i + 1 < cps.length && cps[i + 1] == '*') {
        i++;
        if (i + 1 < cps.length && cps[i + 1] == '/') {
          i++;
        }
        re.append(i + 1 >= cps.length ? ".*" : "(.*/)?");
      } else if (ch == '*') {
        re.append("[^/]*");
      } else if (ch == '?') {
        re.append("[^/]");
      } else if (ch == '\\') {
        if (i + 1 >= cps.length) {
          re.append("\\\\");
        } else if (Character.isLetterOrDigit(cps[i + 1])) {
          re.appendCodePoint(cps[++i]);
        } else {
          re.append('\\').appendCodePoint(cps[++i]);
        }
      } else if (ch == '[' || ch == ']') {
        re.appendCodePoint(ch);
      } else if (".+()|{}^$".indexOf(ch) >= 0) {
        re.append('\\').appendCodePoint(ch);
      } else {
        re.appendCodePoint(ch);
      }
    }
    this.regex = Pattern.compile(re.append('$').toString(), Pattern.DOTALL);
    boolean literalRest = cleaned.startsWith("**") && cleaned.substring(2).chars().noneMatch(c -> "*?[]".indexOf(c) >= 0);
    this.suffix = literalRest ? cleaned.substring(2) : null;
  }

  boolean exclusion() {
    return exclusion;
  }

  String cleaned() {
    return cleaned;
  }

  boolean matches(String path) {
    if (suffix != null) {
      if (path.endsWith(suffix)) {
        return true;
      }
      return suffix.startsWith("/") && path.equals(suffix.substring(1));
    }
    return regex.matcher(path).matches();
  }

  /** Go's {@code filepath.Match} syntax check, which moby runs on every pattern. */
  private static void validate(String p) {
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        if (i + 1 >= p.length()) {
          throw bad();
        }
        i++;
      } else if (c == '[') {
        int j = i + 1;
        if (j < p.length() && p.charAt(j) == '^') {
          j++;
        }
        boolean any = false;
        while (j < p.length() && (p.charAt(j) != ']' || !any)) {
          if (p.charAt(j) == '\\') {
            j++;
          }
          any = true;
          j++;
        }
        if (j >= p.length()) {
          throw bad();
        }
        i = j;
      }
    }
  }

  private static DockerfileException bad() {
    return new DockerfileException("syntax error in pattern");
  }
}
