package dev.berth.daemon.build.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell wildcard patterns of {@code ${VAR#pat}}, {@code ${VAR%pat}} (shortest; doubled for longest) and
 * {@code ${VAR/pat/repl}}: {@code *} any string, {@code ?} one character, backslash escapes {@code * ? \}
 * (buildkit {@code convertShellPatternToRegex}; no bracket expressions).
 */
final class ShellPattern {
  private ShellPattern() {}

  static String trimPrefix(String pattern, String value, boolean greedy) {
    Matcher m = compile(pattern, greedy, true).matcher(value);
    return m.find() ? value.substring(m.end()) : value;
  }

  /** Shortest/longest rightmost match, done as a leftmost match on the reversed strings (as buildkit does). */
  static String trimSuffix(String pattern, String value, boolean greedy) {
    String reversed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
    return reverse(reversed);
  }

  static String replace(String pattern, String replacement, String value, boolean all) {
    Matcher m = compile(pattern, true, false).matcher(value);
    String quoted = Matcher.quoteReplacement(replacement);
    return all ? m.replaceAll(quoted) : m.replaceFirst(quoted);
  }

  private static Pattern compile(String pattern, boolean greedy, boolean anchored) {
    StringBuilder out = new StringBuilder(anchored ? "^" : "");
    int[] cps = pattern.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int tok = cps[i];
      switch (tok) {
        case '*' -> out.append(greedy ? ".*" : ".*?");
        case '?' -> out.append('.');
        case '\\' -> {
          int next = i + 1 < cps.length ? cps[i + 1] : -1;
          if (next == '}' || next == '/') {
            continue;
          }
          i++;
          if (next != '*' && next != '?' && next != '\\') {
            throw new DockerfileException("invalid pattern (" + pattern + ") in substitution: invalid escape '\\"
                + (next < 0 ? "\uFFFD" : Character.toString(next)) + "'");
          }
          out.append('\\').appendCodePoint(next);
        }
        case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' -> out.append('\\').appendCodePoint(tok);
        default -> out.appendCodePoint(tok);
      }
    }
    return Pattern.compile(out.toString());
  }

  private static String reversePattern(String pattern) {
    int[] in = pattern.codePoints().toArray();
    int[] out = new int[in.length];
    int last = in.length - 1;
    for (int i = 0; i <= last; ) {
      int outIdx = last - i;
      if (in[i] == '\\' && i != last) {
        out[outIdx - 1] = in[i];
        out[outIdx] = in[i + 1];
        i += 2;
      } else {
        out[outIdx] = in[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  private static String reverse(String s) {
    int[] cps = s.codePoints().toArray();
    int[] out = new int[cps.length];
    for (int i = 0; i < cps.length; i++) {
      out[i] = cps[cps.length - 1 - i];
    }
    return new String(out, 0, out.length);
  }
}
